import { setOption } from './args';
import { unbracket } from '@/lib/net';
import { findProgram, isNodeBin } from './command-line';
import { devServerCommands, NPM_SCRIPT_NOTE } from './node-dev-server';
import { alternative, rebindWith } from './rebind-parts';
import type { CommandLine, Stack } from './types';

// The process that listens renames itself (captured from /proc/<pid>/cmdline of `next dev`, Next.js 16.4.6).
const TITLE = /^next-server \(v[^)]*\)/;

function locate(cmd: CommandLine) {
  const i = findProgram(cmd.argv, (w) => isNodeBin(w, 'next', ['.bin/next', 'next/dist/bin/next']));
  if (i < 0) return null;
  const sub = cmd.argv[i + 1];
  return sub === 'dev' || sub === 'start' ? { bin: i, sub } : null;
}

export const next: Stack = {
  id: 'next',
  name: 'Next.js server',
  addressOptions: ['-H', '--hostname', '-p', '--port'],
  matches(cmd) {
    const title = cmd.line.match(TITLE);
    if (title) return { id: this.id, name: this.name, confidence: 'medium', evidence: [title[0]] };
    const at = locate(cmd);
    if (!at) return null;
    const name = at.sub === 'dev' ? 'Next.js dev server' : 'Next.js production server';
    return { id: this.id, name, confidence: 'high', evidence: [cmd.argv[at.bin]!, at.sub] };
  },
  rebind(cmd, to) {
    const host = unbracket(to.host);
    const port = String(to.port);
    const addressArgs = ['--hostname', host, '--port', port];
    const notes = [NPM_SCRIPT_NOTE, 'next also reads the PORT variable; --port on the command line wins.'];
    const at = locate(cmd);
    if (!at) {
      const cwd = cmd.cwd;
      return rebindWith(
        this,
        cmd,
        [
          alternative(
            'Start the dev server on the new address',
            ['npx', 'next', 'dev', ...addressArgs],
            {},
            cwd,
          ),
          alternative(
            'Or, if you start it with npm run dev',
            ['npm', 'run', 'dev', '--', ...addressArgs],
            {},
            cwd,
          ),
          alternative(
            'Or the production server (after next build)',
            ['npx', 'next', 'start', ...addressArgs],
            {},
            cwd,
          ),
        ],
        [
          `The server renamed its process ("${cmd.line}"); the command you typed is on its parent process (node …/next dev or next start).`,
          ...notes,
        ],
      );
    }
    let argv = setOption(cmd.argv, ['-H', '--hostname'], host, { from: at.bin + 1, preferred: '--hostname' });
    argv = setOption(argv, ['-p', '--port'], port, { from: at.bin + 1, preferred: '--port' });
    const script = at.sub === 'dev' ? 'dev' : 'start';
    const commands = devServerCommands(cmd, {
      binIndex: at.bin,
      argv,
      npx: ['next', at.sub],
      script,
      addressArgs,
    });
    return rebindWith(this, cmd, commands, notes);
  },
};
