import 'server-only';
import { execFile } from 'node:child_process';
import { runInSpawner, spawnerReady, type SpawnerAnswer } from '@/lib/exec-spawner';

/** What running an external tool gave: never throws, so a missing tool is just another fact. */
export interface CommandResult {
  command: string;
  args: string[];
  stdout: string;
  stderr: string;
  /** Exit code; null when the process was killed or could not start. */
  code: number | null;
  timedOut: boolean;
  /** stdout or stderr hit the byte cap and was cut. */
  truncated: boolean;
  /** Set when the tool could not be started (ENOENT: not installed) or failed to run. */
  error?: string;
  durationMs: number;
}

export interface RunOptions {
  timeoutMs?: number;
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
}

type ExecError = NonNullable<SpawnerAnswer['error']>;

/** execFile's outcome as a CommandResult, whether it ran here or in the spawner child. */
function toResult(
  command: string,
  args: string[],
  timeoutMs: number,
  started: number,
  err: ExecError | null,
  stdout: string,
  stderr: string,
): CommandResult {
  const base = { command, args, stdout, stderr, durationMs: performance.now() - started };
  if (!err) return { ...base, code: 0, timedOut: false, truncated: false };
  const truncated = err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
  const timedOut = Boolean(err.killed) && !truncated && err.signal === 'SIGTERM';
  const code = typeof err.code === 'number' ? err.code : null;
  const error =
    err.code === 'ENOENT'
      ? `${command} is not installed or not on PATH`
      : timedOut
        ? `${command} did not finish within ${timeoutMs} ms`
        : typeof err.code === 'number'
          ? undefined
          : err.message;
  return { ...base, code, timedOut, truncated, ...(error ? { error } : {}) };
}

/**
 * The one way this project runs an external command: execFile with an argument array (never a shell),
 * a timeout and an output cap, so a hung or chatty tool costs a bounded amount. In the long-running
 * server the fork itself happens in a small child (lib/exec-spawner.ts), off the server's event loop.
 */
export function runCommand(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const env = options.env ?? { ...process.env, LC_ALL: 'C', LANG: 'C' };
  const started = performance.now();
  if (spawnerReady()) {
    return runInSpawner({ command, args, timeoutMs, maxBytes, env }).then((a) =>
      toResult(command, args, timeoutMs, started, a.error, a.stdout, a.stderr),
    );
  }
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: maxBytes, encoding: 'utf8', windowsHide: true, env },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { killed?: boolean; signal?: string }) | null;
        resolve(toResult(command, args, timeoutMs, started, e, String(stdout ?? ''), String(stderr ?? '')));
      },
    );
  });
}
