import { optionValue, setOption } from './args';
import { hostPort, unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { alternative, rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const SUBCOMMANDS = ['run', 'start', 'file-server', 'reverse-proxy', 'respond'];

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) => programName(w) === 'caddy');
  return i >= 0 && SUBCOMMANDS.includes(cmd.argv[i + 1] ?? '') ? i + 1 : -1;
}

export const caddy: Stack = {
  id: 'caddy',
  name: 'Caddy',
  addressOptions: ['--listen', '-l', '--from', '-f'],
  matches(cmd) {
    const sub = locate(cmd);
    return sub < 0
      ? null
      : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[sub - 1]!, cmd.argv[sub]!] };
  },
  rebind(cmd, to) {
    const sub = locate(cmd);
    const word = cmd.argv[sub]!;
    const listen = hostPort(to.host, to.port);
    if (word === 'file-server' || word === 'respond') {
      const argv = setOption(cmd.argv, ['--listen', '-l'], listen, { from: sub + 1, preferred: '--listen' });
      return rebindWith(this, cmd, [sameCommand(cmd, argv)]);
    }
    if (word === 'reverse-proxy') {
      // --from is a site address: a host in it turns on HTTPS and a Host match, so change only its port.
      const fromValue = optionValue(cmd.argv, ['--from', '-f'], sub + 1) ?? '';
      const site = fromValue.replace(/:\d+$/, '') + `:${to.port}`;
      const argv = setOption(cmd.argv, ['--from', '-f'], site, { from: sub + 1, preferred: '--from' });
      return rebindWith(
        this,
        cmd,
        [sameCommand(cmd, argv)],
        [
          `caddy reverse-proxy has no flag for the bind address; to listen on ${unbracket(to.host)} only, use a Caddyfile with a bind line.`,
        ],
      );
    }
    const conf = optionValue(cmd.argv, ['--config', '-c'], sub + 1);
    const adapter = optionValue(cmd.argv, ['--adapter', '-a'], sub + 1);
    const file = conf ?? 'Caddyfile';
    const json = /\.json$/i.test(file) || adapter === 'json';
    const configArgs = ['--config', file, ...(adapter ? ['--adapter', adapter] : [])];
    return rebindWith(
      this,
      cmd,
      [],
      conf
        ? []
        : [
            `Without --config, caddy ${word} reads the Caddyfile in the directory it was started in${cmd.cwd ? ` (${cmd.cwd})` : ''}.`,
          ],
      {
        edit: json
          ? {
              file,
              fileFrom: conf ? 'command line' : 'default',
              findWith: null,
              instruction: "In apps.http.servers, set the server's listen to:",
              lines: [`"listen": ["${listen}"]`],
            }
          : {
              file,
              fileFrom: conf ? 'command line' : 'default',
              findWith: null,
              instruction: `Give the site block the address :${to.port} and add a bind line inside it (keep its other directives):`,
              lines: [`:${to.port} {`, `\tbind ${unbracket(to.host)}`, '}'],
            },
        reload: [
          alternative('Reload Caddy with the edited file', ['caddy', 'reload', ...configArgs], {}, cmd.cwd),
        ],
      },
    );
  },
};
