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
  /** The argument list itself, when the OS gave one (not part of GET /api/history's events). */
  argv?: string[] | null;
  cwd: string | null;
  user: string | null;
  startedAt: string | null;
}

export interface StoredListenerEvent extends ListenerEvent {
  id: number;
}

/** The table's row: the event with SQLite's own types for its times. */
type Row = Omit<StoredListenerEvent, 'at' | 'startedAt' | 'argv'> & {
  at: number;
  started_at: string | null;
  argv: string | null;
};

/** An argv column: a JSON list of strings, or null (older rows, an OS that gives none, anything else). */
export function argvFromColumn(value: string | null): string[] | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

export const argvColumn = (argv: readonly string[] | null | undefined): string | null =>
  argv && argv.length > 0 ? JSON.stringify(argv) : null;

/** Writes the events in one transaction (all or none) and returns their ids in order. */
export function recordListenerEvents(db: Database.Database, events: readonly ListenerEvent[]): number[] {
  const insert = db.prepare(
    `INSERT INTO listener_events (at, kind, protocol, address, port, family, pid, process, command, argv, cwd, user, started_at)
     VALUES (@at, @kind, @protocol, @address, @port, @family, @pid, @process, @command, @argv, @cwd, @user, @startedAt)`,
  );
  return db.transaction((batch: readonly ListenerEvent[]) =>
    batch.map((e) => Number(insert.run({ ...e, at: toMs(e.at), argv: argvColumn(e.argv) }).lastInsertRowid)),
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
  return rows.map(({ started_at, at, argv, ...rest }) => ({
    ...rest,
    argv: argvFromColumn(argv),
    at: toIso(at),
    startedAt: started_at,
  }));
}
