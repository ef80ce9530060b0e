import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) => programName(w) === 'fastapi');
  return i >= 0 && ['dev', 'run'].includes(cmd.argv[i + 1] ?? '') ? i + 1 : -1;
}

export const fastapi: Stack = {
  id: 'fastapi',
  name: 'FastAPI CLI',
  addressOptions: ['--host', '--port'],
  matches(cmd) {
    const sub = locate(cmd);
    if (sub < 0) return null;
    return {
      id: this.id,
      name: this.name,
      confidence: 'high',
      evidence: [cmd.argv[sub - 1]!, cmd.argv[sub]!],
    };
  },
  rebind(cmd, to) {
    const from = locate(cmd) + 1;
    let argv = setOption(cmd.argv, ['--host'], unbracket(to.host), { from, preferred: '--host' });
    argv = setOption(argv, ['--port'], String(to.port), { from, preferred: '--port' });
    return rebindWith(this, cmd, [sameCommand(cmd, argv)]);
  },
};
