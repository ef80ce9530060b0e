import { unbracket } from '@/lib/net';
import { findProgram, isNodeBin, projectDirOf } from './command-line';
import { alternative, rebindWith, sameCommand } from './rebind-parts';
import type { CommandLine, Stack } from './types';

function locate(cmd: CommandLine) {
  // `react-scripts start` runs its server in a child: node …/react-scripts/scripts/start.js.
  const child = findProgram(cmd.argv, (w) =>
    w.replaceAll('\\', '/').endsWith('react-scripts/scripts/start.js'),
  );
  if (child >= 0) return child;
  const i = findProgram(cmd.argv, (w) =>
    isNodeBin(w, 'react-scripts', ['.bin/react-scripts', 'react-scripts/bin/react-scripts.js']),
  );
  return i >= 0 && cmd.argv[i + 1] === 'start' ? i : -1;
}

export const createReactApp: Stack = {
  id: 'create-react-app',
  name: 'Create React App dev server',
  addressOptions: [],
  matches(cmd) {
    const i = locate(cmd);
    return i < 0 ? null : { id: this.id, name: this.name, confidence: 'high', evidence: [cmd.argv[i]!] };
  },
  rebind(cmd, to) {
    const env = { HOST: unbracket(to.host), PORT: String(to.port) };
    const cwd = cmd.cwd ?? projectDirOf(cmd.argv[locate(cmd)]!);
    return rebindWith(
      this,
      cmd,
      [
        sameCommand(cmd, [...cmd.argv], env, cwd),
        alternative('Or through npm start', ['npm', 'start'], env, cwd),
      ],
      [
        'react-scripts has no --port flag: it reads PORT and HOST from the environment (or from .env in the project).',
      ],
    );
  },
};
