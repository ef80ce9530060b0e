import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const locate = (cmd: CommandLine) => findProgram(cmd.argv, (w) => programName(w) === 'uvicorn');

export const uvicorn: Stack = {
  id: 'uvicorn',
  name: 'uvicorn',
  addressOptions: ['--host', '--port'],
  matches(cmd) {
    const i = locate(cmd);
    return i < 0 ? null : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[i]!] };
  },
  rebind(cmd, to) {
    const from = locate(cmd) + 1;
    let argv = setOption(cmd.argv, ['--host'], unbracket(to.host), { from, preferred: '--host' });
    argv = setOption(argv, ['--port'], String(to.port), { from, preferred: '--port' });
    const notes = ['With --reload, a second uvicorn process holds the socket too; stop the one you started.'];
    if (argv.some((w) => w === '--uds' || w === '--fd' || w.startsWith('--uds=') || w.startsWith('--fd=')))
      notes.push(
        '--uds or --fd hands uvicorn its socket from elsewhere: drop it, or --host/--port are ignored.',
      );
    return rebindWith(this, cmd, [sameCommand(cmd, argv)], notes);
  },
};
