import { unbracket } from '@/lib/net';
import { isNode, programName } from './command-line';
import { rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

const VALUE_OPTIONS = [
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '--env-file',
  '--inspect-port',
  '--title',
];

/** Index of the script in `node [options] script.js …`, or -1 (`node -e …`, a REPL). */
function scriptIndex(cmd: CommandLine) {
  const argv = cmd.argv;
  const exe = cmd.executable ? isNode(cmd.executable) : false;
  if (argv.length === 0 || !(isNode(argv[0]!) || exe)) return -1;
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '-e' || w === '--eval' || w === '-p' || w === '--print') return -1;
    if (w.startsWith('-')) {
      if (VALUE_OPTIONS.includes(w)) i++;
      continue;
    }
    // A package's bin (…/node_modules/.bin/serve) is a tool with its own flags, not the user's script.
    return /[/\\]node_modules[/\\]/.test(w) ? -1 : i;
  }
  return -1;
}

export const nodeScript: Stack = {
  id: 'node-script',
  name: 'Node.js script',
  addressOptions: [],
  matches(cmd) {
    const i = scriptIndex(cmd);
    if (i < 0) return null;
    return {
      id: this.id,
      name: `Node.js script ${programName(cmd.argv[i]!)}`,
      confidence: 'low',
      evidence: [cmd.argv[0]!, cmd.argv[i]!],
    };
  },
  rebind(cmd, to) {
    const host = unbracket(to.host);
    return rebindWith(
      this,
      cmd,
      [sameCommand(cmd, [...cmd.argv], { PORT: String(to.port) })],
      [
        `PORT works only if the script reads process.env.PORT. If it calls listen(3000) with a fixed number, change that call to listen(${to.port}, '${host}').`,
        `The address it binds is in the script too: listen(port) alone means every address; listen(port, '${host}') means ${host} only.`,
      ],
    );
  },
};
