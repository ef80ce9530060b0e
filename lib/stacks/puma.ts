import { removeOption, setOption } from './args';
import { hostPort } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { alternative, rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

// Puma renames its process: "puma 6.4.2 (tcp://127.0.0.1:3000) [myapp]", workers "puma: cluster worker 0: 4242 [myapp]".
const TITLE = /^puma(?: [\d.]+\S* \(([^)]*)\)|: cluster worker \d+: \d+)(?: \[([^\]]*)\])?/;

const locate = (cmd: CommandLine) => findProgram(cmd.argv, (w) => programName(w) === 'puma');

export const puma: Stack = {
  id: 'puma',
  name: 'Puma',
  addressOptions: ['-b', '--bind', '-p', '--port'],
  matches(cmd) {
    const title = cmd.line.match(TITLE);
    if (title)
      return { id: this.id, name: 'Puma (Rails or Rack)', confidence: 'medium', evidence: [title[0]] };
    const i = locate(cmd);
    return i < 0 ? null : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[i]!] };
  },
  rebind(cmd, to) {
    const bind = `tcp://${hostPort(to.host, to.port)}`;
    const title = cmd.line.match(TITLE);
    if (title) {
      const app = title[2] ? ` (app "${title[2]}")` : '';
      return rebindWith(
        this,
        cmd,
        [
          alternative('If it is a Rails app: start it on the new address', [
            'bin/rails',
            'server',
            '-b',
            to.host,
            '-p',
            String(to.port),
          ]),
          alternative('If you start Puma yourself', ['bundle', 'exec', 'puma', '-b', bind]),
        ],
        [
          `Puma renamed its process ("${title[0]}")${app}, so the command that started it cannot be read; run one of these in the app's directory.`,
          "Rails' default config/puma.rb reads PORT; -p or -b on the command line wins.",
        ],
      );
    }
    // -p adds a second bind next to -b: one -b names the whole address.
    const from = locate(cmd) + 1;
    const argv = setOption(removeOption(cmd.argv, ['-p', '--port'], from, true), ['-b', '--bind'], bind, {
      from,
      preferred: '-b',
    });
    return rebindWith(
      this,
      cmd,
      [sameCommand(cmd, argv)],
      ['A bind in config/puma.rb adds to -b: remove it there if Puma still listens on the old address.'],
    );
  },
};
