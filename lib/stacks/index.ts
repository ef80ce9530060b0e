/**
 * Which server program a listener is, from its command line, and that program's own command on another
 * address or port. Pure: no I/O; the caller passes what lib/host read.
 */
import { angular } from './angular';
import { apache } from './apache';
import { caddy } from './caddy';
import { commandLine } from './command-line';
import { createReactApp } from './create-react-app';
import { django } from './django';
import { fastapi } from './fastapi';
import { flask } from './flask';
import { gunicorn } from './gunicorn';
import { next } from './next';
import { nginx } from './nginx';
import { nodeScript } from './node-script';
import { php } from './php';
import { puma } from './puma';
import { pythonHttpServer } from './python-http-server';
import { rails } from './rails';
import { springBoot } from './spring-boot';
import { startCommandsFor, type StartCommand } from './start-commands';
import { uvicorn } from './uvicorn';
import { vite } from './vite';
import { webpackDevServer } from './webpack-dev-server';
import type { CommandLineInput, Match, Rebind, RebindTarget, Stack } from './types';

/**
 * Tried in this order, most specific first: renamed processes and servers (their titles cannot be anything
 * else), then the programs behind interpreters, and a plain `node script.js` last, so `node …/.bin/vite` is
 * Vite and not a script.
 */
export const stacks: readonly Stack[] = [
  nginx,
  apache,
  caddy,
  django,
  gunicorn,
  uvicorn,
  fastapi,
  flask,
  pythonHttpServer,
  rails,
  puma,
  php,
  springBoot,
  next,
  vite,
  webpackDevServer,
  angular,
  createReactApp,
  nodeScript,
];

export const stackByName: Readonly<Record<string, Stack>> = Object.fromEntries(stacks.map((s) => [s.id, s]));

export interface Recognised {
  stack: Stack;
  match: Match;
}

export function recognise(input: CommandLineInput): Recognised | null {
  const cmd = commandLine(input);
  if (cmd.argv.length === 0 && !cmd.executable) return null;
  for (const stack of stacks) {
    const match = stack.matches(cmd);
    if (match) return { stack, match };
  }
  return null;
}

export type RebindAdvice =
  | { kind: 'recognised'; match: Match; rebind: Rebind }
  /** Not recognised: show the user's own command line (when known) above the generic list. */
  | { kind: 'unknown'; commandLine: string | null; generic: StartCommand[] };

/** What to tell the user for a listener (or a command they are about to run) that should move to `to`. */
export function rebindAdvice(input: CommandLineInput | null, to: RebindTarget): RebindAdvice {
  const found = input ? recognise(input) : null;
  if (found)
    return { kind: 'recognised', match: found.match, rebind: found.stack.rebind(commandLine(input!), to) };
  const line = input ? commandLine(input).line : '';
  return { kind: 'unknown', commandLine: line || null, generic: startCommandsFor(to.host, to.port) };
}

export { commandLine, splitCommandString } from './command-line';
export { startCommandsFor } from './start-commands';
export type { StartCommand, StartCommandsOptions } from './start-commands';
export type * from './types';
