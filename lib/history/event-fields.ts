import type { ListenerEvent } from '@/lib/store';

/**
 * Exactly the fields of GET /api/history's events, in its order: whatever else a row or a baseline carries
 * (its id, the socket inode) stays out of the contract.
 */
export function eventFields(e: ListenerEvent): ListenerEvent {
  return {
    at: e.at,
    kind: e.kind,
    protocol: e.protocol,
    address: e.address,
    port: e.port,
    family: e.family,
    pid: e.pid,
    process: e.process,
    command: e.command,
    cwd: e.cwd,
    user: e.user,
    startedAt: e.startedAt,
  };
}

/** The API's fields and the argument list, for the recorder and the diagnosis ("start it again" runs it). */
export function eventWithArgv(e: ListenerEvent): ListenerEvent {
  return { ...eventFields(e), argv: e.argv ?? null };
}
