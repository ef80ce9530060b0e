import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const GROUP_VALUE_OPTIONS = ['--app', '-A', '--env-file', '-e'];

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) => programName(w) === 'flask');
  if (i < 0) return -1;
  // `flask --app hello --debug run`: the group's own options come before the subcommand.
  for (let k = i + 1; k < cmd.argv.length; k++) {
    const w = cmd.argv[k]!;
    if (w === 'run') return k;
    if (GROUP_VALUE_OPTIONS.includes(w)) k++;
    else if (!w.startsWith('-')) return -1;
  }
  return -1;
}

export const flask: Stack = {
  id: 'flask',
  name: 'Flask development server',
  addressOptions: ['-h', '--host', '-p', '--port'],
  matches(cmd) {
    const run = locate(cmd);
    if (run < 0) return null;
    const flaskWord = cmd.argv.find((w) => programName(w) === 'flask')!;
    return { id: this.id, name: this.name, confidence: 'high', evidence: [flaskWord, 'run'] };
  },
  rebind(cmd, to) {
    const from = locate(cmd) + 1;
    let argv = setOption(cmd.argv, ['-h', '--host'], unbracket(to.host), { from, preferred: '--host' });
    argv = setOption(argv, ['-p', '--port'], String(to.port), { from, preferred: '--port' });
    return rebindWith(
      this,
      cmd,
      [sameCommand(cmd, argv)],
      [
        'flask run also reads FLASK_RUN_HOST and FLASK_RUN_PORT; a --host/--port on the command line wins. A script that calls app.run() ignores both: change its host= and port= arguments.',
      ],
    );
  },
};
