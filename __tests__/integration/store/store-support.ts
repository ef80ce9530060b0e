// Shared by the store tests: a temporary DATA_DIR per test, a log that remembers warnings, a sample event,
// and a real child process that runs the store code (TypeScript through tsx's loader).
import { spawn, type SpawnOptions } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListenerEvent } from '@/lib/store/listener-events';
import type { StoreLog } from '@/lib/store/open-store';

const root = join(__dirname, '..', '..', '..');
export const storeChild = join(__dirname, 'store-child.ts');

const made: string[] = [];

/** A fresh directory under the system temp dir; never the user's real data directory. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ld-store-'));
  made.push(dir);
  return dir;
}

export function removeTempDataDirs(): void {
  for (const dir of made.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function memoryLog(): StoreLog & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (m) => warnings.push(m) };
}

export function sampleEvent(overrides: Partial<ListenerEvent> = {}): ListenerEvent {
  return {
    at: '2030-01-01T12:00:00.000Z',
    kind: 'opened',
    protocol: 'tcp',
    address: '127.0.0.1',
    port: 3000,
    family: 'IPv4',
    pid: 4242,
    process: 'node',
    command: 'node my app/server.js',
    argv: ['node', 'my app/server.js'],
    cwd: '/home/dev/app',
    user: 'dev',
    startedAt: '2030-01-01T11:59:00.000Z',
    ...overrides,
  };
}

const started: ReturnType<typeof spawn>[] = [];

/** Ends, by pid, any child a failed test left running (a 'forever' writer would otherwise outlive jest). */
export function stopStoreChildren(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export interface ChildRun {
  child: ReturnType<typeof spawn>;
  lines: string[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts store-child.ts with `args`; `lines` fills with each line it prints. `wrapper` runs it under another
 * program (e.g. ['unshare', '-m', '--'] for a private mount namespace).
 */
export function startStoreChild(
  args: string[],
  options: SpawnOptions = {},
  wrapper: string[] = [],
): ChildRun {
  // tsx as a loader of this very node process (not tsx's CLI, which runs the script in a grandchild): the pid
  // a test kills is the writer itself.
  const argv = [
    ...wrapper,
    process.execPath,
    '--conditions=react-server',
    '--import',
    'tsx',
    storeChild,
    ...args,
  ];
  const child = spawn(argv[0]!, argv.slice(1), { cwd: root, ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const lines: string[] = [];
  let pending = '';
  let err = '';
  child.stdout!.on('data', (b: Buffer) => {
    pending += b.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    lines.push(...parts);
  });
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, lines, stderr: () => err, exited };
}

export async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
