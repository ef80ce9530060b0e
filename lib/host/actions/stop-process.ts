import 'server-only';
import { host } from '@/lib/host';
import {
  decideStop,
  type LiveProcess,
  type StopFacts,
  type StopRequest,
  type StopSignal,
} from '@/lib/host/actions/stop-decision';
import type { HostAdapter } from '@/lib/host/types';

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

export async function readStopFacts(request: StopRequest, adapter: HostAdapter = host()): Promise<StopFacts> {
  const table = await adapter.listListeners({ port: request.port, protocols: ['tcp'] });
  const holders = table.listeners.filter((l) => l.protocol === 'tcp' && l.port === request.port);
  const proc = adapter.processes.live(request.pid, holders);
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const sentAt = proc ? termSent().get(termKey(proc)) : undefined;
  return {
    request,
    platform: adapter.platform,
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

/** Decide on fresh facts, send the signal, then watch the process for up to `waitMs`. */
export async function stopProcess(
  request: StopRequest,
  options: { waitMs?: number; pollMs?: number; adapter?: HostAdapter } = {},
): Promise<StopOutcome> {
  const adapter = options.adapter ?? host();
  const facts = await readStopFacts(request, adapter);
  const decision = decideStop(facts);
  if (!decision.allowed)
    return { ok: false, status: decision.status, code: decision.code, message: decision.message };
  const proc = facts.process!;
  const name = `${proc.name ?? 'The process'} (pid ${proc.pid})`;
  const failure = await adapter.processes.signal(proc.pid, decision.signal);
  if (failure?.forceNext) {
    // Windows console programs refuse a polite taskkill: that is the "ignored SIGTERM" case, so the next
    // step is force, exactly as on Linux and macOS.
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
  let running = adapter.processes.stillRunning(proc.pid, proc.startedAt);
  while (running && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 100));
    running = adapter.processes.stillRunning(proc.pid, proc.startedAt);
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
