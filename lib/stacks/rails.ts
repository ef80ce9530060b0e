import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) => programName(w) === 'rails');
  return i >= 0 && ['server', 's'].includes(cmd.argv[i + 1] ?? '') ? i + 1 : -1;
}

export const rails: Stack = {
  id: 'rails',
  name: 'Rails server',
  addressOptions: ['-b', '--binding', '-p', '--port'],
  matches(cmd) {
    const sub = locate(cmd);
    return sub < 0
      ? null
      : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[sub - 1]!, cmd.argv[sub]!] };
  },
  rebind(cmd, to) {
    const from = locate(cmd) + 1;
    let argv = setOption(cmd.argv, ['-b', '--binding'], unbracket(to.host), { from, preferred: '-b' });
    argv = setOption(argv, ['-p', '--port'], String(to.port), { from, preferred: '-p' });
    return rebindWith(
      this,
      cmd,
      [sameCommand(cmd, argv)],
      ["Rails' default config/puma.rb also reads PORT; -p on the command line wins."],
    );
  },
};
