import { optionValue } from './args';
import { hostPort } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { alternative, rebindWith } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const locate = (cmd: CommandLine) =>
  findProgram(cmd.argv, (w) => ['apache2', 'httpd'].includes(programName(w)));

function defaultConfig(bin: string): string {
  // Debian/Ubuntu keep the Listen lines in ports.conf; the others in the main httpd.conf.
  if (programName(bin) === 'apache2') return '/etc/apache2/ports.conf';
  if (bin.startsWith('/opt/homebrew/')) return '/opt/homebrew/etc/httpd/httpd.conf';
  if (bin.startsWith('/usr/local/')) return '/usr/local/etc/httpd/httpd.conf';
  if (/\.exe$/i.test(bin) || bin.includes('\\')) return 'conf\\httpd.conf';
  return '/etc/httpd/conf/httpd.conf';
}

export const apache: Stack = {
  id: 'apache',
  name: 'Apache httpd',
  addressOptions: [],
  matches(cmd) {
    const i = locate(cmd);
    if (i < 0 && !(cmd.executable && ['apache2', 'httpd'].includes(programName(cmd.executable)))) return null;
    return {
      id: this.id,
      name: this.name,
      confidence: 'high',
      evidence: [cmd.argv[Math.max(i, 0)] ?? cmd.executable!],
    };
  },
  rebind(cmd, to) {
    const i = Math.max(locate(cmd), 0);
    const bin = cmd.argv[i] ?? cmd.executable ?? 'httpd';
    const conf = optionValue(cmd.argv, ['-f'], i + 1);
    const root = optionValue(cmd.argv, ['-d'], i + 1);
    const same = [...(root ? ['-d', root] : []), ...(conf ? ['-f', conf] : [])];
    const debian = programName(bin) === 'apache2';
    // apache2 on Debian needs the environment apache2ctl sets up; run it through apache2ctl.
    const ctl = debian ? ['apache2ctl'] : [bin, ...same];
    const old = to.from ? ` ${to.from.port}` : '';
    return rebindWith(
      this,
      cmd,
      [],
      [
        `A <VirtualHost *:${to.from?.port ?? 'port'}> must name the new port too, or it no longer applies.`,
        'Run these as the user Apache runs as (usually with sudo).',
      ],
      {
        edit: {
          file: conf ?? defaultConfig(bin),
          fileFrom: conf ? 'command line' : 'default',
          // -V prints SERVER_CONFIG_FILE and HTTPD_ROOT: where this build reads its configuration.
          findWith: [...ctl, '-V'],
          instruction: `Replace the Listen${old} line with:`,
          lines: [`Listen ${hostPort(to.host, to.port)}`],
        },
        reload: [
          alternative('Check the new configuration', [...ctl, '-t']),
          alternative('Reload Apache (finishes open requests first)', [...ctl, '-k', 'graceful']),
        ],
      },
    );
  },
};
