import { forwardingHolder } from '@/lib/host/forwarding-holders';
import type { Listener } from '@/lib/host/listeners/types';

/*
 * "Stop whatever holds port N" is only safe when the pid is still the process the user saw: a pid can be
 * reused between the listing and the click. So the request carries the port and the start time from the
 * listing, everything is read again now, and a pure function decides. Only then is a signal sent.
 */

export type StopSignal = 'SIGTERM' | 'SIGKILL';

export interface StopRequest {
  pid: number;
  port: number;
  /**
   * startedAt from the listing the user confirmed; a different live start time means pid reuse. null: the
   * listing could not read it, so nothing proves the pid still names that process (refused).
   */
  startedAt: string | null;
  force?: boolean;
}

/** The process as read right now; null fields could not be read. */
export interface LiveProcess {
  pid: number;
  name: string | null;
  command: string | null;
  uid: number | null;
  startedAt: string | null;
}

export interface StopFacts {
  request: StopRequest;
  platform: NodeJS.Platform;
  /** The app: its pid and parent (killing either ends the app), its uid, whether it may signal anyone. */
  self: { pid: number; ppid: number; uid: number | null; elevated: boolean };
  /** null: no process with that pid exists. */
  process: LiveProcess | null;
  /** TCP listeners on request.port right now (pid null: owner not readable). */
  holders: Pick<Listener, 'pid' | 'address' | 'port' | 'process'>[];
  /** This very process (same pid and start time) already got SIGTERM from an earlier request. */
  termSentEarlier: boolean;
}

export type StopRefusalCode =
  | 'protected-process'
  | 'not-found'
  | 'other-user'
  | 'owner-unknown'
  | 'not-holder'
  | 'forwarding-process'
  | 'start-time-unknown'
  | 'process-changed'
  | 'term-first';

export type StopDecision =
  | { allowed: true; signal: StopSignal }
  | { allowed: false; status: 403 | 404 | 409; code: StopRefusalCode; message: string };

/**
 * /proc/stat's btime is recomputed from the wall clock minus uptime, so a Linux start time can move by up
 * to a second after a clock adjustment. A pid reused within that same second would need the kernel to cycle
 * through every pid up to pid_max in under a second first, which is not a race worth a false refusal.
 */
export const START_TIME_TOLERANCE_MS = 1000;

const refuse = (
  status: 403 | 404 | 409,
  code: StopRefusalCode,
  message: string,
): Extract<StopDecision, { allowed: false }> => ({ allowed: false, status, code, message });

function protectedReason(f: StopFacts): string | null {
  const { pid } = f.request;
  if (pid <= 1)
    return `pid ${pid} is the system's init process; stopping it would take the whole system down`;
  if (f.platform === 'win32' && pid === 4) return 'pid 4 is the Windows kernel (System)';
  if (pid === f.self.pid) return `pid ${pid} is Localhost Doctor itself`;
  if (pid === f.self.ppid)
    return `pid ${pid} started Localhost Doctor; stopping it would stop the doctor too`;
  return null;
}

/** Pure: whether the facts allow a stop, and which signal; otherwise the status, code and a plain reason. */
export function decideStop(f: StopFacts): StopDecision {
  const { pid, port } = f.request;
  const protectedBy = protectedReason(f);
  if (protectedBy) return refuse(403, 'protected-process', `Refused: ${protectedBy}.`);
  const p = f.process;
  if (!p) return refuse(404, 'not-found', `No process with pid ${pid} is running any more.`);
  const name = `${p.name ?? 'the process'} (pid ${pid})`;
  const mayAct = f.self.elevated || f.platform === 'win32'; // Windows itself refuses other users' processes
  if (!mayAct && p.uid !== null && p.uid !== f.self.uid)
    return refuse(
      403,
      'other-user',
      `Refused: ${name} belongs to another user (uid ${p.uid}; Localhost Doctor runs as uid ${f.self.uid}). Stop it as that user or with sudo.`,
    );
  if (!f.holders.some((h) => h.pid === pid)) {
    const others = f.holders.map((h) =>
      h.pid === null ? 'a process this user cannot see' : `${h.process ?? 'a process'} (pid ${h.pid})`,
    );
    const now =
      others.length === 0
        ? `nothing listens on TCP port ${port} now`
        : `port ${port} is held by ${[...new Set(others)].join(' and ')}`;
    return refuse(
      409,
      'not-holder',
      `Refused: ${name} does not hold TCP port ${port} (${now}). Refresh the listing.`,
    );
  }
  const forwarding = forwardingHolder(p.name, p.command);
  if (forwarding)
    return refuse(
      409,
      'forwarding-process',
      `Refused: ${name} is ${forwarding.runtime}, which holds port ${port} for a ${forwarding.kind === 'container' ? 'container' : 'service elsewhere'}. Stopping it breaks the forwarding and leaves the service running: stop the ${forwarding.kind === 'container' ? `container (docker ps --filter publish=${port})` : 'service it forwards to'} instead.`,
    );
  if (!mayAct && p.uid === null)
    return refuse(
      403,
      'owner-unknown',
      `Refused: could not read which user ${name} belongs to, so it is not stopped.`,
    );
  if (f.request.startedAt === null)
    return refuse(
      403,
      'start-time-unknown',
      `Refused: the listing could not read when ${name} started, so nothing proves that pid ${pid} is still the process you saw (a pid can be reused by another program). Stop it yourself after checking it, e.g. ${f.platform === 'win32' ? `taskkill /PID ${pid}` : `kill ${pid}`}.`,
    );
  const expected = Date.parse(f.request.startedAt);
  const live = p.startedAt === null ? NaN : Date.parse(p.startedAt);
  if (Number.isNaN(live) || Number.isNaN(expected) || Math.abs(live - expected) > START_TIME_TOLERANCE_MS)
    return refuse(
      409,
      'process-changed',
      `Refused: pid ${pid} is not the process you saw: it was listed as started at ${f.request.startedAt}, the process with that pid now started at ${p.startedAt ?? 'an unreadable time'}. ${p.startedAt === null ? 'Its start time cannot be read now, so it cannot be told apart from a reused pid' : 'The pid was reused'}; refresh the listing.`,
    );
  if (f.request.force && !f.termSentEarlier)
    return refuse(
      409,
      'term-first',
      `Refused: ask ${name} to exit first (a request without force sends SIGTERM); force (SIGKILL) is only for a process that ignored that.`,
    );
  return { allowed: true, signal: f.request.force ? 'SIGKILL' : 'SIGTERM' };
}
