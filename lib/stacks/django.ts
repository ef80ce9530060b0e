import { firstPositional, insertAt, removeOption, replaceAt } from './args';
import { familyOf, hostPort } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const SUBCOMMANDS = ['runserver', 'runserver_plus'];
const VALUE_OPTIONS = ['--settings', '--pythonpath', '-v', '--verbosity', '--cert-file', '--key-file'];

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w, at) => {
    const n = programName(w);
    return (
      n === 'manage.py' ||
      n === 'django-admin' ||
      n === 'django-admin.py' ||
      (n === 'django' && cmd.argv[at - 1] === '-m')
    );
  });
  return i >= 0 && SUBCOMMANDS.includes(cmd.argv[i + 1] ?? '') ? i + 1 : -1;
}

export const django: Stack = {
  id: 'django',
  name: 'Django runserver',
  addressOptions: ['-6', '--ipv6'],
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
    const sub = locate(cmd);
    const addr = hostPort(to.host, to.port);
    // An IPv6 address in brackets turns IPv6 on by itself; -6 with an IPv4 address is an error.
    const argv = familyOf(to.host) === 'IPv6' ? cmd.argv : removeOption(cmd.argv, ['-6', '--ipv6'], sub + 1);
    const at = firstPositional(argv, sub + 1, VALUE_OPTIONS);
    const out = at >= 0 ? replaceAt(argv, at, addr) : insertAt(argv, sub + 1, addr);
    return rebindWith(
      this,
      cmd,
      [sameCommand(cmd, out)],
      ['runserver reads no PORT variable: the address and port go on its command line, as one word.'],
    );
  },
};
