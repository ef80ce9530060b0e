import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, isNodeBin } from './command-line';
import { devServerCommands, NPM_SCRIPT_NOTE } from './node-dev-server';
import { rebindWith } from './rebind-parts';
import type { CommandLine, Stack } from './types';

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) =>
    isNodeBin(w, 'ng', ['.bin/ng', '@angular/cli/bin/ng.js', '@angular/cli/bin/ng']),
  );
  return i >= 0 && ['serve', 's', 'dev'].includes(cmd.argv[i + 1] ?? '') ? i : -1;
}

export const angular: Stack = {
  id: 'angular',
  name: 'Angular dev server (ng serve)',
  addressOptions: ['--host', '--port'],
  matches(cmd) {
    const i = locate(cmd);
    return i < 0
      ? null
      : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[i]!, cmd.argv[i + 1]!] };
  },
  rebind(cmd, to) {
    const i = locate(cmd);
    const host = unbracket(to.host);
    const port = String(to.port);
    let argv = setOption(cmd.argv, ['--host'], host, { from: i + 2, preferred: '--host' });
    argv = setOption(argv, ['--port'], port, { from: i + 2, preferred: '--port' });
    const commands = devServerCommands(cmd, {
      binIndex: i,
      argv,
      npx: ['ng', 'serve'],
      script: 'start',
      addressArgs: ['--host', host, '--port', port],
    });
    return rebindWith(this, cmd, commands, [
      NPM_SCRIPT_NOTE,
      'The serve options in angular.json also set these; the command line wins.',
    ]);
  },
};
