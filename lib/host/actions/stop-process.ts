import 'server-only';
import { readFileSync } from 'node:fs';
import { runCommand } from '@/lib/exec';
import { listListeners } from '@/lib/host/listeners';
import type { Listener } from '@/lib/host/listeners/types';
import { readLinuxProcesses } from '@/lib/host/linux/processes';
import {
  decideStop,
  START_TIME_TOLERANCE_MS,
  type LiveProcess,
  type StopFacts,
  type StopRequest,
  type StopSignal,
} from '@/lib/host/actions/stop-decision';

export { decideStop } from '@/lib/host/actions/stop-decision';
export type { StopDecision, StopFacts, StopRequest, StopSignal } from '@/lib/host/actions/stop-decision';

/*
 * The impure half of stopping a port's holder: read the facts fresh, let decideStop (pure, in
 * stop-decision.ts) rule, send the signal, then watch the process go.
 */

/** SIGTERMs this server sent, by pid and start time, so force:true can require one (ten minutes). */
const TERM_MEMORY_MS = 10 * 60_000;
const g = globalThis as typeof globalThis & { __localhostDoctorTermSent?: Map<string, number> };
function termSent(): Map<string, number> {
  g.__localhostDoctorTermSent ??= new Map();
  return g.__localhostDoctorTermSent;
}
const termKey = (p: LiveProcess) => `${p.pid}@${p.startedAt ?? '?'}`;
function rememberTerm(p: LiveProcess): void {
  const sent = termSent();
  for (const [key, at] of sent) if (Date.now() - at > TERM_MEMORY_MS) sent.delete(key);
  sent.set(termKey(p), Date.now());
}

function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** Exists (even if not ours to signal), is not a zombie, and still has the same start time. */
function stillRunning(pid: number, startedAt: string | null, platform: NodeJS.Platform): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (platform !== 'linux') return true;
  const state = processState(pid);
  if (state === null || state === 'Z' || state === 'X') return false; // a zombie has exited, only unreaped
  const now = readLinuxProcesses([pid]).get(pid)?.startedAt ?? null;
  return !(startedAt && now && Math.abs(Date.parse(now) - Date.parse(startedAt)) > START_TIME_TOLERANCE_MS);
}

function liveProcess(pid: number, holders: Listener[], platform: NodeJS.Platform): LiveProcess | null {
  if (platform === 'linux') {
    const p = readLinuxProcesses([pid]).get(pid);
    if (!p || p.startedAt === null) return null; // no /proc/<pid>/stat: no such process
    return { pid, name: p.name, command: p.command, uid: p.uid, startedAt: p.startedAt };
  }
  const row = holders.find((h) => h.pid === pid);
  if (row) return { pid, name: row.process, command: row.command, uid: row.uid, startedAt: row.startedAt };
  // Not a holder: whether it exists at all is all the refusal needs.
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return { pid, name: null, command: null, uid: null, startedAt: null };
}

export async function readStopFacts(request: StopRequest, platform = process.platform): Promise<StopFacts> {
  const table = await listListeners({ port: request.port, protocols: ['tcp'] });
  const holders = table.listeners.filter((l) => l.protocol === 'tcp' && l.port === request.port);
  const proc = liveProcess(request.pid, holders, platform);
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const sentAt = proc ? termSent().get(termKey(proc)) : undefined;
  return {
    request,
    platform,
    self: { pid: process.pid, ppid: process.ppid, uid, elevated: uid === 0 },
    process: proc,
    holders,
    termSentEarlier: sentAt !== undefined && Date.now() - sentAt < TERM_MEMORY_MS,
  };
}

export interface StopResult {
  stopped: boolean;
  signal: StopSignal;
  pid: number;
  port: number;
  /** One sentence for the UI: what happened and what to do next. */
  message: string;
}

export type StopOutcome =
  | { ok: true; status: 200 | 202; result: StopResult }
  | { ok: false; status: 403 | 404 | 409 | 502; code: string; message: string };

interface SignalFailure {
  /** The OS said no (EPERM, "Access is denied"): a refusal, not a fault. */
  refused: boolean;
  reason: string;
}

async function sendSignal(
  pid: number,
  signal: StopSignal,
  platform: NodeJS.Platform,
): Promise<SignalFailure | null> {
  if (platform === 'win32') {
    // Without /F taskkill asks the process to close (console programs often ignore it); /F terminates it.
    const r = await runCommand('taskkill', ['/PID', String(pid), ...(signal === 'SIGKILL' ? ['/F'] : [])]);
    if (r.code === 0) return null;
    const reason = r.error ?? (r.stderr.trim() || `taskkill exited with ${r.code}`);
    return { refused: /access is denied/i.test(reason), reason };
  }
  try {
    process.kill(pid, signal);
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ESRCH') return null; // gone already: the wait below reports it as stopped
    return { refused: e.code === 'EPERM', reason: `${e.code ?? 'error'}: ${e.message}` };
  }
}

/** Decide on fresh facts, send the signal, then watch the process for up to `waitMs`. */
export async function stopProcess(
  request: StopRequest,
  options: { waitMs?: number; pollMs?: number; platform?: NodeJS.Platform } = {},
): Promise<StopOutcome> {
  const platform = options.platform ?? process.platform;
  const facts = await readStopFacts(request, platform);
  const decision = decideStop(facts);
  if (!decision.allowed)
    return { ok: false, status: decision.status, code: decision.code, message: decision.message };
  const proc = facts.process!;
  const name = `${proc.name ?? 'The process'} (pid ${proc.pid})`;
  const failure = await sendSignal(proc.pid, decision.signal, platform);
  if (failure && !failure.refused && platform === 'win32' && decision.signal === 'SIGTERM') {
    // Console programs refuse a polite taskkill ("can only be terminated forcefully"): that is the
    // "ignored SIGTERM" case, so the next step is force, exactly as on Linux and macOS.
    rememberTerm(proc);
    const message = `taskkill could not ask ${name} to close (${failure.reason}). Send the request again with force: true to end it (taskkill /F; it gets no chance to clean up).`;
    return {
      ok: true,
      status: 202,
      result: { stopped: false, signal: 'SIGTERM', pid: proc.pid, port: request.port, message },
    };
  }
  if (failure)
    return {
      ok: false,
      status: failure.refused ? 403 : 502,
      code: failure.refused ? 'signal-refused' : 'signal-failed',
      message: `Could not send ${decision.signal} to ${name}: ${failure.reason}`,
    };
  if (decision.signal === 'SIGTERM') rememberTerm(proc);
  const waitMs = options.waitMs ?? 5000;
  const deadline = Date.now() + waitMs;
  let running = stillRunning(proc.pid, proc.startedAt, platform);
  while (running && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 100));
    running = stillRunning(proc.pid, proc.startedAt, platform);
  }
  const base = { signal: decision.signal, pid: proc.pid, port: request.port };
  if (!running)
    return {
      ok: true,
      status: 200,
      result: {
        ...base,
        stopped: true,
        message: `${name} exited after ${decision.signal}; port ${request.port} is no longer held by it.`,
      },
    };
  const seconds = Math.round(waitMs / 1000);
  const message =
    decision.signal === 'SIGTERM'
      ? `${name} is still running ${seconds} s after SIGTERM. It may be finishing work or ignoring the signal: wait, or send the request again with force: true to kill it (SIGKILL; it gets no chance to clean up).`
      : `${name} is still running ${seconds} s after SIGKILL: it is stuck in the kernel (often waiting on a disk or network filesystem) and will exit when that returns.`;
  return { ok: true, status: 202, result: { ...base, stopped: false, message } };
}
