/** What the Node dev servers (Vite, Next.js, webpack-dev-server, Angular) share: their three ways to start. */
import { projectDirOf } from './command-line';
import { alternative, sameCommand } from './rebind-parts';
import type { CommandLine, Invocation } from './types';

export interface DevServerForms {
  /** Index of the package's bin word in argv ('…/node_modules/.bin/vite'). */
  binIndex: number;
  /** The user's argv with the address/port words already changed. */
  argv: string[];
  /** How npx names it, plus its subcommand when one is needed: ['vite'], ['next', 'dev']. */
  npx: string[];
  /** Words after the bin that npx form keeps (the edited argv from the bin on, minus a repeated subcommand). */
  script: string;
  /** Only the address/port words, for `npm run dev -- …`. */
  addressArgs: string[];
  env?: Record<string, string>;
}

/**
 * The same argv; `npx <tool> …` when it ran as `node …/node_modules/.bin/<tool>` (what `npm run dev` leaves
 * in the process table); and `npm run <script> -- …`, run in the project directory.
 */
export function devServerCommands(cmd: CommandLine, f: DevServerForms): Invocation[] {
  const bin = cmd.argv[f.binIndex]!;
  const cwd = cmd.cwd ?? projectDirOf(bin);
  const env = f.env ?? {};
  const out = [sameCommand(cmd, f.argv, env, cwd)];
  if (/[/\\]/.test(bin)) {
    const rest = f.argv.slice(f.binIndex + 1);
    const sub = f.npx.slice(1);
    const keep = sub.length > 0 && rest[0] === sub[0] ? rest.slice(1) : rest;
    out.push(
      alternative(
        `Or start it with npx, in ${cwd ?? 'the project directory'}`,
        ['npx', ...f.npx, ...keep],
        env,
        cwd,
      ),
    );
  }
  out.push(
    alternative(
      `Or, if you start it with npm run ${f.script}: pass the address after --`,
      ['npm', 'run', f.script, ...(f.addressArgs.length > 0 ? ['--', ...f.addressArgs] : [])],
      env,
      cwd,
    ),
  );
  return out;
}

export const NPM_SCRIPT_NOTE =
  'npm passes the words after -- to the script; if the script itself already names a port or host, change it in package.json instead.';
