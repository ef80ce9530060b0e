import { optionValue } from './args';
import { hostPort } from '@/lib/net';
import { programName, splitCommandString } from './command-line';
import { alternative, rebindWith } from './rebind-parts';
import type { CommandLine, Stack } from './types';

// On Linux nginx overwrites its argv: "nginx: master process /usr/sbin/nginx -c /etc/nginx/nginx.conf".
const TITLE = /^nginx: (master|worker|cache manager|cache loader) process\b ?(.*)$/;

/** The words nginx was started with (the master's title keeps them), or null when this is not nginx. */
function startWords(cmd: CommandLine): string[] | null {
  const title = cmd.line.match(TITLE);
  if (title) return title[1] === 'master' ? splitCommandString(title[2]!) : [];
  if (cmd.argv.length > 0 && programName(cmd.argv[0]!) === 'nginx') return cmd.argv;
  if (cmd.executable && programName(cmd.executable) === 'nginx') return cmd.argv;
  return null;
}

/** Where nginx looks when no -c is given: the build's prefix, guessed from where its binary lives. */
function defaultConfig(bin: string): string {
  if (bin.startsWith('/opt/homebrew/')) return '/opt/homebrew/etc/nginx/nginx.conf';
  if (bin.startsWith('/usr/local/nginx/')) return '/usr/local/nginx/conf/nginx.conf';
  if (bin.startsWith('/usr/local/')) return '/usr/local/etc/nginx/nginx.conf';
  if (/\.exe$/i.test(bin) || bin.includes('\\')) return 'conf\\nginx.conf';
  return '/etc/nginx/nginx.conf';
}

export const nginx: Stack = {
  id: 'nginx',
  name: 'nginx',
  addressOptions: [],
  matches(cmd) {
    if (!startWords(cmd)) return null;
    const title = cmd.line.match(TITLE);
    const evidence = title ? `nginx: ${title[1]} process` : (cmd.argv[0] ?? cmd.executable!);
    return { id: this.id, name: this.name, confidence: 'high', evidence: [evidence] };
  },
  rebind(cmd, to) {
    const words = startWords(cmd) ?? [];
    const bin = words[0] && programName(words[0]) === 'nginx' ? words[0] : 'nginx';
    const conf = optionValue(words, ['-c'], 1);
    const prefix = optionValue(words, ['-p'], 1);
    // Reload and test must name the same config and prefix, or they read another file.
    const same = [...(prefix ? ['-p', prefix] : []), ...(conf ? ['-c', conf] : [])];
    const old = to.from ? ` on port ${to.from.port}` : '';
    const notes = [
      'The listen line is often in an included file (sites-enabled/*, conf.d/*.conf): nginx -T prints every file it loaded, each under a "# configuration file …:" header.',
      "A server block can have several listen lines (Debian's default site adds listen [::]:80): change or remove each one that should move.",
      'Run these as the user nginx runs as (usually with sudo).',
    ];
    const title = cmd.line.match(TITLE);
    if (title && title[1] !== 'master')
      notes.unshift(
        'This is a worker; the master process (same nginx) holds the same socket and has the command line that names the config file.',
      );
    return rebindWith(this, cmd, [], notes, {
      edit: {
        file: conf ?? defaultConfig(bin),
        fileFrom: conf ? 'command line' : 'default',
        findWith: [bin, ...same, '-T'],
        instruction: `In the server block that listens${old}, replace its listen line with:`,
        lines: [`listen ${hostPort(to.host, to.port)};`],
      },
      reload: [
        alternative('Check the new configuration', [bin, ...same, '-t']),
        alternative('Reload nginx (no downtime)', [bin, ...same, '-s', 'reload']),
      ],
    });
  },
};
