import type Database from 'better-sqlite3';
import type { ListenerEvent } from '@/lib/store';
import { argvColumn, argvFromColumn } from '@/lib/store/listener-events';
import { toMs } from '@/lib/store/times';

/**
 * One socket the recorder last saw listening, with its owner: the baseline the next sample is compared
 * with, kept in the database so that it outlives the app and is shared by every instance on one DATA_DIR.
 */
export interface ListenerStateRow extends Omit<ListenerEvent, 'at' | 'kind'> {
  /** protocol, address, port and the socket (its inode, or its owner's pid where the OS gives no inode). */
  key: string;
  inode: number | null;
  /** When the recorder first saw this socket with this owner. */
  since: string;
}

type Row = Omit<ListenerStateRow, 'since' | 'startedAt' | 'argv'> & {
  since: number;
  started_at: string | null;
  argv: string | null;
};

export function readListenerState(db: Database.Database): ListenerStateRow[] {
  const rows = db.prepare('SELECT * FROM listener_state').all() as Row[];
  return rows.map(({ since, started_at, argv, ...rest }) => ({
    ...rest,
    argv: argvFromColumn(argv),
    since: new Date(since).toISOString(),
    startedAt: started_at,
  }));
}

/** Removes the sockets that closed and writes the new or re-owned ones. The caller holds the transaction. */
export function applyListenerState(
  db: Database.Database,
  change: { removed: readonly string[]; upserted: readonly ListenerStateRow[] },
): void {
  const remove = db.prepare('DELETE FROM listener_state WHERE key = ?');
  for (const key of change.removed) remove.run(key);
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO listener_state
       (key, inode, protocol, address, port, family, pid, process, command, argv, cwd, user, started_at, since)
     VALUES (@key, @inode, @protocol, @address, @port, @family, @pid, @process, @command, @argv, @cwd, @user, @startedAt, @since)`,
  );
  for (const row of change.upserted)
    upsert.run({ ...row, since: toMs(row.since), argv: argvColumn(row.argv) });
}

/** When the listing the baseline reflects was started (ms); 0 before the first sample ever. */
export function baselineListedAt(db: Database.Database): number {
  const row = db.prepare('SELECT listed_at FROM listener_state_clock WHERE id = 1').get() as
    { listed_at: number } | undefined;
  return row?.listed_at ?? 0;
}

export function setBaselineListedAt(db: Database.Database, listedAt: number): void {
  db.prepare('INSERT OR REPLACE INTO listener_state_clock (id, listed_at) VALUES (1, ?)').run(listedAt);
}
