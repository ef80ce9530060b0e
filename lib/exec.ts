import 'server-only';
import { execFile } from 'node:child_process';

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

/**
 * The one way this project runs an external command: execFile with an argument array (never a shell),
 * a timeout and an output cap, so a hung or chatty tool costs a bounded amount.
 */
export function runCommand(
  command: string,
  args: string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        timeout: timeoutMs,
        maxBuffer: maxBytes,
        encoding: 'utf8',
        windowsHide: true,
        env: options.env ?? { ...process.env, LC_ALL: 'C', LANG: 'C' },
      },
      (err, stdout, stderr) => {
        const durationMs = performance.now() - started;
        const base = {
          command,
          args,
          stdout: String(stdout ?? ''),
          stderr: String(stderr ?? ''),
          durationMs,
        };
        if (!err) {
          resolve({ ...base, code: 0, timedOut: false, truncated: false });
          return;
        }
        const e = err as NodeJS.ErrnoException & {
          killed?: boolean;
          signal?: string;
          code?: string | number;
        };
        const truncated = e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
        const timedOut = Boolean(e.killed) && !truncated && e.signal === 'SIGTERM';
        const code = typeof e.code === 'number' ? e.code : null;
        const error =
          e.code === 'ENOENT'
            ? `${command} is not installed or not on PATH`
            : timedOut
              ? `${command} did not finish within ${timeoutMs} ms`
              : typeof e.code === 'number'
                ? undefined
                : e.message;
        resolve({ ...base, code, timedOut, truncated, ...(error ? { error } : {}) });
      },
    );
  });
}
