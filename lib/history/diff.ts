/**
 * What changed between the listeners the recorder saw last (the stored baseline) and the table read now:
 * pure, so every rule here is tested on fixtures.
 */
import type { Listener } from '@/lib/host/listeners/types';
import type { ListenerEvent } from '@/lib/store';
import { eventWithArgv } from './event-fields';
import type { ListenerStateRow } from './listener-state';

/** A socket's identity: a new inode on the same port is a new socket (the server was restarted). */
export function listenerKey(l: Pick<Listener, 'protocol' | 'address' | 'port' | 'inode' | 'pid'>): string {
  const socket = l.inode !== undefined && l.inode !== 0 ? `inode:${l.inode}` : `pid:${l.pid ?? '?'}`;
  return `${l.protocol} ${l.address} ${l.port} ${socket}`;
}

export interface ListenerChange {
  /** Closed first, then opened and re-owned: the order a reader of the history expects. */
  events: ListenerEvent[];
  removed: string[];
  upserted: ListenerStateRow[];
}

function sameOwner(row: ListenerStateRow, l: Listener): boolean {
  return row.pid === l.pid && row.startedAt === l.startedAt;
}

function eventOf(row: ListenerStateRow, kind: ListenerEvent['kind'], at: string): ListenerEvent {
  return eventWithArgv({ ...row, at, kind });
}

/**
 * Compares the live table with the baseline. `cwdOf` is asked only for sockets that are new or changed
 * owner (reading a process' directory is the one per-listener cost a sample would otherwise repeat).
 */
export function diffListeners(
  stored: readonly ListenerStateRow[],
  live: readonly Listener[],
  at: string,
  cwdOf: (pid: number) => string | null,
  /** Whether a new socket whose owner is not known yet is recorded now (else it waits for a later sample). */
  recordUnowned: (key: string) => boolean = () => true,
): ListenerChange {
  const storedByKey = new Map(stored.map((r) => [r.key, r]));
  const liveByKey = new Map(live.map((l) => [listenerKey(l), l]));
  const change: ListenerChange = { events: [], removed: [], upserted: [] };
  for (const [key, row] of storedByKey) {
    if (liveByKey.has(key)) continue;
    change.events.push(eventOf(row, 'closed', at));
    change.removed.push(key);
  }
  const later: ListenerEvent[] = [];
  for (const [key, l] of liveByKey) {
    const row = storedByKey.get(key);
    if (row && sameOwner(row, l)) continue;
    // An owner that could not be read this time (another user's process, a moment's race) is not a change.
    if (row && l.pid === null) continue;
    // A socket seen before its owner was found would be recorded as opened by nobody, then re-owned.
    if (!row && l.pid === null && !recordUnowned(key)) continue;
    const next: ListenerStateRow = {
      key,
      inode: l.inode ?? null,
      protocol: l.protocol,
      address: l.address,
      port: l.port,
      family: l.family,
      pid: l.pid,
      process: l.process,
      command: l.command,
      argv: l.argv,
      cwd: l.pid === null ? null : cwdOf(l.pid),
      user: l.user,
      startedAt: l.startedAt,
      since: at,
    };
    change.upserted.push(next);
    later.push(eventOf(next, row ? 'owner-changed' : 'opened', at));
  }
  change.events.push(...later);
  return change;
}

/** One string per table state: equal strings mean nothing the recorder keeps has changed. */
export function tableSignature(live: readonly Listener[]): string {
  return live
    .map((l) => `${listenerKey(l)} ${l.pid ?? '?'} ${l.startedAt ?? '?'}`)
    .sort()
    .join('\n');
}
