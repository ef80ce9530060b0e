import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';

/*
 * Why a long-running server does not start its tools itself: Node starts a process with fork(), which
 * copies the parent's page tables while the event loop waits. For the app server (~250 MB resident) one
 * `nft` start held the event loop 15–90 ms on this machine, against ~6 ms from a bare Node; a diagnosis
 * starts one or two, and every probe and /proc read waited behind them. So the server hands each command
 * to this small child, which forks from its own ~45 MB while the server's loop keeps running. It is the
 * same execFile with the same argument array, timeout and output cap (lib/exec.ts), never a shell.
 */

/** What the child answers for one command: execFile's callback arguments, made serialisable. */
export interface SpawnerAnswer {
  stdout: string;
  stderr: string;
  error: { code?: string | number; killed?: boolean; signal?: string | null; message: string } | null;
}

export interface SpawnerRequest {
  command: string;
  args: string[];
  timeoutMs: number;
  maxBytes: number;
  env: NodeJS.ProcessEnv;
}

// Plain CommonJS run with `node -e`: no file to locate inside a bundled server, no loader, no project code.
// It ends its commands and itself when the server's IPC channel closes (the server exited, even by SIGKILL).
const SOURCE = `
process.title = 'localhost-doctor command spawner';
const { execFile } = require('node:child_process');
const running = new Set();
process.on('message', (m) => {
  let child;
  try {
    child = execFile(m.command, m.args, { timeout: m.timeoutMs, maxBuffer: m.maxBytes, encoding: 'utf8',
      windowsHide: true, env: m.env }, (err, stdout, stderr) => {
      running.delete(child);
      const error = err ? { code: err.code, killed: err.killed, signal: err.signal ?? null, message: err.message } : null;
      if (process.connected) process.send({ id: m.id, stdout: String(stdout ?? ''), stderr: String(stderr ?? ''), error });
    });
    running.add(child);
  } catch (err) {
    if (process.connected) process.send({ id: m.id, stdout: '', stderr: '', error: { code: err.code, message: String(err.message) } });
  }
});
process.on('disconnect', () => { for (const c of running) c.kill('SIGKILL'); process.exit(0); });
process.send({ ready: true });
`;

/** How long past a command's own timeout the server waits before it stops trusting the child. */
const WATCHDOG_SLACK_MS = 2000;
/** A child that died on its own (killed, out of memory) is started again after this long. */
const RESTART_AFTER_MS = 5000;

interface Pending {
  resolve: (answer: SpawnerAnswer) => void;
  timer: NodeJS.Timeout;
}

let child: ChildProcess | null = null;
let ready = false;
/** Set by startSpawner, cleared by stopSpawner: whether a child that dies should be replaced. */
let wanted = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function settle(id: number, answer: SpawnerAnswer): void {
  const call = pending.get(id);
  if (!call) return;
  pending.delete(id);
  clearTimeout(call.timer);
  call.resolve(answer);
  // An idle child must not keep a CLI or a test process alive.
  if (pending.size === 0) child?.channel?.unref();
}

function failAll(message: string): void {
  for (const id of [...pending.keys()]) settle(id, { stdout: '', stderr: '', error: { message } });
}

/**
 * Starts the child (once); commands go through it as soon as it says it is ready, and straight through
 * execFile until then. Called by the long-running server at start; a one-shot CLI never needs it.
 */
export function startSpawner(): void {
  wanted = true;
  if (child) return;
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // no loader or inspector of the parent's in a child that only forks
  const started = spawn(process.execPath, ['-e', SOURCE], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env,
    windowsHide: true,
  });
  child = started;
  started.unref();
  started.channel?.unref();
  started.on('message', (m: { ready?: boolean; id?: number } & Partial<SpawnerAnswer>) => {
    if (m.ready) ready = true;
    else if (m.id !== undefined)
      settle(m.id, { stdout: m.stdout ?? '', stderr: m.stderr ?? '', error: m.error ?? null });
  });
  const gone = () => {
    if (child !== started) return;
    child = null;
    ready = false;
    // A command in flight may or may not have run: say so, never run it a second time.
    failAll('the command runner exited before the command finished');
    // Meanwhile commands run through execFile here; the server gets its small child back.
    if (wanted) setTimeout(() => wanted && startSpawner(), RESTART_AFTER_MS).unref();
  };
  started.on('exit', gone);
  started.on('error', gone);
}

export function spawnerReady(): boolean {
  return ready && child !== null && child.connected;
}

/** Runs one command in the child. Resolves, never rejects. */
export function runInSpawner(request: SpawnerRequest): Promise<SpawnerAnswer> {
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      settle(id, { stdout: '', stderr: '', error: { message: 'the command runner did not answer in time' } });
    }, request.timeoutMs + WATCHDOG_SLACK_MS);
    timer.unref();
    pending.set(id, { resolve, timer });
    child!.channel?.ref();
    child!.send({ id, ...request }, (err) => {
      if (err)
        settle(id, {
          stdout: '',
          stderr: '',
          error: { message: `could not reach the command runner: ${err.message}` },
        });
    });
  });
}

/** Ends the child (tests, and a server that shuts down on purpose). */
export function stopSpawner(): void {
  wanted = false;
  const running = child;
  child = null;
  ready = false;
  failAll('the command runner was stopped');
  running?.disconnect();
}
