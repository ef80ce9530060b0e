import type Database from 'better-sqlite3';
import type { Family } from '@/lib/net';
import { toIso, toMs } from './times';

export type ListenerEventKind = 'opened' | 'closed' | 'owner-changed';

/** A change in who listens where, as the recorder saw it. */
export interface ListenerEvent {
  at: string;
  kind: ListenerEventKind;
  protocol: 'tcp' | 'udp';
  address: string;
  port: number;
  family: Family;
  pid: number | null;
  process: string | null;
  command: string | null;
  cwd: string | null;
  user: string | null;
  startedAt: string | null;
}

export interface StoredListenerEvent extends ListenerEvent {
  id: number;
}

/** The table's row: the event with SQLite's own types for its times. */
type Row = Omit<StoredListenerEvent, 'at' | 'startedAt'> & { at: number; started_at: string | null };

/** Writes the events in one transaction (all or none) and returns their ids in order. */
export function recordListenerEvents(db: Database.Database, events: readonly ListenerEvent[]): number[] {
  const insert = db.prepare(
    `INSERT INTO listener_events (at, kind, protocol, address, port, family, pid, process, command, cwd, user, started_at)
     VALUES (@at, @kind, @protocol, @address, @port, @family, @pid, @process, @command, @cwd, @user, @startedAt)`,
  );
  return db.transaction((batch: readonly ListenerEvent[]) =>
    batch.map((e) => Number(insert.run({ ...e, at: toMs(e.at) }).lastInsertRowid)),
  )(events);
}

/** Events newest first, optionally for one port and/or since a time (inclusive). */
export function listenerEvents(
  db: Database.Database,
  { port, since, limit = 100 }: { port?: number; since?: string; limit?: number } = {},
): StoredListenerEvent[] {
  const where: string[] = [];
  const params: Record<string, number> = { limit };
  if (port !== undefined) {
    where.push('port = @port');
    params.port = port;
  }
  if (since !== undefined) {
    where.push('at >= @since');
    params.since = toMs(since);
  }
  const rows = db
    .prepare(
      `SELECT * FROM listener_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT @limit`,
    )
    .all(params) as Row[];
  return rows.map(({ started_at, at, ...rest }) => ({ ...rest, at: toIso(at), startedAt: started_at }));
}
