import type { CommandLine, CommandLineInput } from './types';

/**
 * Splits a joined command conservatively: on whitespace, with "double quotes" grouping a word (how Windows
 * writes a CommandLine). Single quotes and backslashes stay literal: a Linux argv joined by spaces holds no
 * quoting, so any quote in it is a character of a word.
 */
export function splitCommandString(command: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"(?=\s|$)|(\S+)/g;
  for (const m of command.matchAll(re)) words.push(m[1] ?? m[2]!);
  return words;
}

export function commandLine(input: CommandLineInput): CommandLine {
  const given = input.argv ? [...input.argv] : null;
  // /proc/<pid>/cmdline of a renamed process is the title padded with NULs: drop the empty tail.
  while (given && given.length > 0 && given[given.length - 1] === '') given.pop();
  const argv = given && given.length > 0 ? given : splitCommandString(input.command ?? '');
  return {
    argv,
    exact: given !== null && given.length > 0,
    line: argv.join(' ').trim(),
    executable: input.executable ?? null,
    cwd: input.cwd ?? null,
  };
}

/** 'C:\\Program Files\\nodejs\\node.exe' → 'node'; '/venv/bin/python3.12' → 'python3.12'. */
export function programName(word: string): string {
  const base = word.slice(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase();
  return base.replace(/\.(exe|cmd|bat|ps1)$/, '');
}

export const isPython = (word: string): boolean => /^(python[\d.]*|py|pypy[\d.]*)$/.test(programName(word));
export const isNode = (word: string): boolean => /^(node|nodejs)$/.test(programName(word));

// Words that start a program without being it: interpreters, package runners, their subcommands.
const LAUNCHERS = new Set([
  'node',
  'nodejs',
  'npx',
  'npm',
  'pnpm',
  'pnpx',
  'yarn',
  'bun',
  'bunx',
  'exec',
  'dlx',
  'run',
  'x',
  'uv',
  'uvx',
  'poetry',
  'pipenv',
  'pdm',
  'hatch',
  'rye',
  'conda',
  'bundle',
  'ruby',
  'env',
  'sudo',
  'doas',
  'nohup',
  'nice',
  'time',
]);

function isLauncherWord(word: string, previous: string | undefined): boolean {
  if (word.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) return true;
  // The value of an interpreter option: python -W ignore, node -r ts-node/register.
  if (previous !== undefined && /^-[A-Za-z]$/.test(previous) && previous !== '-m') return true;
  return LAUNCHERS.has(programName(word)) || isPython(word);
}

/**
 * Index of the first word that `isProgram` accepts, when every word before it is a launcher
 * (node, npx, python -m, bundle exec, VAR=value …); -1 otherwise. Keeps `node server.js --name vite` from
 * passing for Vite.
 */
export function findProgram(
  argv: readonly string[],
  isProgram: (word: string, index: number) => boolean,
): number {
  for (let i = 0; i < argv.length && i < 8; i++) {
    if (isProgram(argv[i]!, i)) return i;
    if (!isLauncherWord(argv[i]!, argv[i - 1])) return -1;
  }
  return -1;
}

/** The word is the bin of a package run through node: '…/node_modules/.bin/vite', '…/vite/bin/vite.js'. */
export function isNodeBin(word: string, name: string, packageBins: readonly string[] = []): boolean {
  if (programName(word) === name) return true;
  const w = word.replaceAll('\\', '/');
  return packageBins.some((bin) => w.endsWith(`/node_modules/${bin}`));
}

/** '/home/u/app/node_modules/.bin/vite' → '/home/u/app': the project a dev server serves. */
export function projectDirOf(word: string): string | null {
  const w = word.replaceAll('\\', '/');
  const at = w.lastIndexOf('/node_modules/');
  return at > 0 ? word.slice(0, at) : null;
}
