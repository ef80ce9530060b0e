import { optionValue, setOption } from './args';
import { hostPort, unbracket } from '@/lib/net';
import { findProgram, programName } from './command-line';
import { alternative, rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const locate = (cmd: CommandLine) => findProgram(cmd.argv, (w) => /^php[\d.]*$/.test(programName(w)));
const LARAVEL = /Illuminate[/\\]Foundation[/\\]resources[/\\]server\.php$/;

export const php: Stack = {
  id: 'php',
  name: 'PHP built-in server',
  addressOptions: ['-S'],
  matches(cmd) {
    const i = locate(cmd);
    if (i < 0 || optionValue(cmd.argv, ['-S'], i + 1) === null) return null;
    const laravel = cmd.argv.some((w) => LARAVEL.test(w));
    const name = laravel ? 'Laravel (php artisan serve)' : this.name;
    return { id: this.id, name, confidence: 'high', evidence: [cmd.argv[i]!, '-S'] };
  },
  rebind(cmd, to) {
    const argv = setOption(cmd.argv, ['-S'], hostPort(to.host, to.port), {
      from: locate(cmd) + 1,
      preferred: '-S',
    });
    const commands = [sameCommand(cmd, argv)];
    // artisan serve runs `php -S … server.php` as a child: the user typed the artisan command.
    if (cmd.argv.some((w) => LARAVEL.test(w)))
      commands.push(
        alternative(
          'Or how you started it: artisan serve',
          ['php', 'artisan', 'serve', '--host', unbracket(to.host), '--port', String(to.port)],
          {},
          cmd.cwd,
        ),
      );
    return rebindWith(this, cmd, commands, [
      'php -S takes one host:port word; an IPv6 address goes in brackets.',
    ]);
  },
};
