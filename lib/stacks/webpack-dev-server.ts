import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, isNodeBin } from './command-line';
import { devServerCommands, NPM_SCRIPT_NOTE } from './node-dev-server';
import { rebindWith } from './rebind-parts';
import type { CommandLine, Stack } from './types';

function locate(cmd: CommandLine) {
  const wds = findProgram(cmd.argv, (w) =>
    isNodeBin(w, 'webpack-dev-server', [
      '.bin/webpack-dev-server',
      'webpack-dev-server/bin/webpack-dev-server.js',
    ]),
  );
  if (wds >= 0) return { bin: wds, npx: ['webpack-dev-server'] };
  // webpack-cli 4+: `webpack serve` starts webpack-dev-server in the same process.
  const cli = findProgram(cmd.argv, (w) =>
    isNodeBin(w, 'webpack', ['.bin/webpack', 'webpack/bin/webpack.js', 'webpack-cli/bin/cli.js']),
  );
  if (cli >= 0 && ['serve', 'server', 's'].includes(cmd.argv[cli + 1] ?? ''))
    return { bin: cli, npx: ['webpack', 'serve'] };
  return null;
}

export const webpackDevServer: Stack = {
  id: 'webpack-dev-server',
  name: 'webpack-dev-server',
  addressOptions: ['--host', '--port'],
  matches(cmd) {
    const at = locate(cmd);
    if (!at) return null;
    return {
      id: this.id,
      name: this.name,
      confidence: 'high',
      evidence: cmd.argv.slice(at.bin, at.bin + at.npx.length),
    };
  },
  rebind(cmd, to) {
    const at = locate(cmd)!;
    const host = unbracket(to.host);
    const port = String(to.port);
    let argv = setOption(cmd.argv, ['--host'], host, { from: at.bin + 1, preferred: '--host' });
    argv = setOption(argv, ['--port'], port, { from: at.bin + 1, preferred: '--port' });
    const commands = devServerCommands(cmd, {
      binIndex: at.bin,
      argv,
      npx: at.npx,
      script: 'start',
      addressArgs: ['--host', host, '--port', port],
    });
    return rebindWith(this, cmd, commands, [
      NPM_SCRIPT_NOTE,
      'devServer.host and devServer.port in webpack.config also set these; the command line wins.',
    ]);
  },
};
