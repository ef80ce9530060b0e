import { firstPositional, insertAt, replaceAt, setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, isPython } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const VALUE_OPTIONS = [
  '-b',
  '--bind',
  '-d',
  '--directory',
  '-p',
  '--protocol',
  '--tls-cert',
  '--tls-key',
  '--tls-password-file',
];

function locate(cmd: CommandLine) {
  return findProgram(
    cmd.argv,
    (w, at) => w === 'http.server' && cmd.argv[at - 1] === '-m' && cmd.argv.slice(0, at).some(isPython),
  );
}

export const pythonHttpServer: Stack = {
  id: 'python-http-server',
  name: 'Python http.server',
  addressOptions: ['-b', '--bind'],
  matches(cmd) {
    const i = locate(cmd);
    return i < 0
      ? null
      : { id: this.id, name: this.name, confidence: 'high', evidence: ['-m', 'http.server'] };
  },
  rebind(cmd, to) {
    const i = locate(cmd);
    const at = firstPositional(cmd.argv, i + 1, VALUE_OPTIONS);
    const port = String(to.port);
    const argv = at >= 0 ? replaceAt(cmd.argv, at, port) : insertAt(cmd.argv, i + 1, port);
    // --bind takes the bare address, IPv6 too (no brackets).
    return rebindWith(this, cmd, [
      sameCommand(
        cmd,
        setOption(argv, ['-b', '--bind'], unbracket(to.host), { from: i + 1, preferred: '--bind' }),
      ),
    ]);
  },
};
