import { ensureFlag, setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, isNodeBin } from './command-line';
import { devServerCommands, NPM_SCRIPT_NOTE } from './node-dev-server';
import { rebindWith } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const SERVING = ['dev', 'serve', 'preview'];

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) => isNodeBin(w, 'vite', ['.bin/vite', 'vite/bin/vite.js']));
  if (i < 0) return null;
  const next = cmd.argv[i + 1];
  // `vite build` does not serve; a bare `vite` (or `vite --port …`, `vite ./site`) is the dev server.
  if (next === 'build' || next === 'optimize') return null;
  return { bin: i, sub: next !== undefined && SERVING.includes(next) ? next : null };
}

export const vite: Stack = {
  id: 'vite',
  name: 'Vite dev server',
  addressOptions: ['--host', '--port', '--strictPort', '--strict-port'],
  matches(cmd) {
    const at = locate(cmd);
    if (!at) return null;
    const name = at.sub === 'preview' ? 'Vite preview server' : this.name;
    return {
      id: this.id,
      name,
      confidence: 'high',
      evidence: [cmd.argv[at.bin]!, ...(at.sub ? [at.sub] : [])],
    };
  },
  rebind(cmd, to) {
    const at = locate(cmd)!;
    const from = at.bin + 1;
    const host = unbracket(to.host);
    const port = String(to.port);
    let argv = setOption(cmd.argv, ['--host'], host, { from, preferred: '--host', optionalValue: true });
    argv = setOption(argv, ['--port'], port, { from, preferred: '--port' });
    // Without --strictPort Vite quietly takes the next free port, and the address you open is not it.
    argv = ensureFlag(argv, ['--strictPort', '--strict-port'], from);
    const commands = devServerCommands(cmd, {
      binIndex: at.bin,
      argv,
      npx: at.sub ? ['vite', at.sub] : ['vite'],
      script: at.sub === 'preview' ? 'preview' : 'dev',
      addressArgs: ['--host', host, '--port', port, '--strictPort'],
    });
    return rebindWith(this, cmd, commands, [
      NPM_SCRIPT_NOTE,
      'server.host and server.port in vite.config also set these; the command line wins.',
    ]);
  },
};
