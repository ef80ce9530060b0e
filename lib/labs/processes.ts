import 'server-only';
// A lab's services are long-running children of the app (not commands that finish, which go through
// lib/exec.ts): spawned with an argument array and no shell, tracked by pid, stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ServiceAddress {
  host: string;
  port: number;
}

/** One process a lab started. Only these pids are ever signalled by the labs. */
export interface OwnedProcess {
  pid: number;
  /** What it is, for the lab page and the clean-up report ("the lab's service"). */
  role: string;
  /** Every address it reported listening on, latest last (a restart adds one). */
  addresses: ServiceAddress[];
  exitCode: () => number | null | undefined;
  /** What it printed on stderr (capped): a crash's last words. */
  stderr: () => string;
  exited: Promise<void>;
}

const SERVICE_SCRIPT = join(process.cwd(), 'lib', 'labs', 'servers', 'lab-service.mjs');
const STDERR_CAP = 8 * 1024;

export function serviceScriptPath(): string {
  return SERVICE_SCRIPT;
}

/**
 * Starts the lab service on `dir` (its server.json says where it listens), inside `namespace` when given,
 * and resolves once it listens, with the address it reported. A service that fails to listen is an error.
 */
export function startLabService(options: {
  dir: string;
  role: string;
  namespace?: string | null;
  extraArgs?: string[];
  onStarted: (p: OwnedProcess) => void;
}): Promise<{ process: OwnedProcess; address: ServiceAddress }> {
  const args = [SERVICE_SCRIPT, options.dir, '--exit-with-parent', ...(options.extraArgs ?? [])];
  // `ip netns exec` execs the command in place, so the pid spawn returns is the service's own.
  const child: ChildProcess = options.namespace
    ? spawn('ip', ['netns', 'exec', options.namespace, process.execPath, ...args], { stdio: 'pipe' })
    : spawn(process.execPath, args, { stdio: 'pipe' });
  let stderr = '';
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    });
    child.once('error', () => {
      exitCode = null;
      resolve();
    });
  });
  const owned: OwnedProcess = {
    pid: child.pid ?? -1,
    role: options.role,
    addresses: [],
    exitCode: () => exitCode,
    stderr: () => stderr,
    exited,
  };
  if (child.pid !== undefined) options.onStarted(owned);
  child.stderr!.on('data', (b: Buffer) => {
    if (stderr.length < STDERR_CAP) stderr += b.toString('utf8').slice(0, STDERR_CAP - stderr.length);
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let first = true;
    const timer = setTimeout(() => reject(new Error(`${options.role} did not start within 8 s`)), 8000);
    child.stdout!.on('data', (b: Buffer) => {
      buffer += b.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let said: { listening?: ServiceAddress; error?: string };
        try {
          said = JSON.parse(line);
        } catch {
          continue;
        }
        if (said.listening) owned.addresses.push(said.listening);
        if (!first) continue;
        first = false;
        clearTimeout(timer);
        if (said.listening) resolve({ process: owned, address: said.listening });
        else reject(new Error(`${options.role} could not listen: ${said.error ?? 'unknown error'}`));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (first) reject(new Error(`${options.role} exited before listening: ${stderr.trim()}`));
    });
  });
}

function alive(p: OwnedProcess): boolean {
  return p.exitCode() === undefined;
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process has exited (and was reaped). */
export async function stopOwnedProcess(p: OwnedProcess, graceMs = 2000): Promise<void> {
  if (!alive(p)) return;
  try {
    process.kill(p.pid, 'SIGTERM');
  } catch {
    // Already gone between the check and the signal: the exit event settles `exited`.
  }
  const killed = setTimeout(() => {
    if (alive(p)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // Gone meanwhile.
      }
    }
  }, graceMs);
  await p.exited;
  clearTimeout(killed);
}

/** For the process' synchronous exit path: no waiting is possible there, so SIGKILL what is still running. */
export function killOwnedProcessNow(p: OwnedProcess): void {
  if (!alive(p)) return;
  try {
    process.kill(p.pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}
