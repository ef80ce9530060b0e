import type Database from 'better-sqlite3';

/** The recorded tables retention may shorten. Sessions, watches and lab progress are the user's own and stay. */
const HISTORY_TABLES = ['listener_events', 'watch_samples'] as const;
/** Rows per transaction: small enough that another instance's write waits milliseconds, not seconds. */
const BATCH = 2000;

export interface PruneReport {
  deletedByAge: number;
  deletedBySize: number;
  bytesBefore: number;
  bytesAfter: number;
  /** Still over the cap once every recorded row is gone: what is left is sessions and labs, never pruned. */
  overCapAfter: boolean;
}

/** Bytes of pages that hold data (the file may be larger by free pages not yet handed back). */
export function usedBytes(db: Database.Database): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * pageSize;
}

function deleteOlderThan(db: Database.Database, cutoffMs: number): number {
  let deleted = 0;
  for (const table of HISTORY_TABLES) {
    const stmt = db.prepare(
      `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE at < ? LIMIT ${BATCH})`,
    );
    for (let changes = -1; changes !== 0;) {
      changes = stmt.run(cutoffMs).changes;
      deleted += changes;
    }
  }
  return deleted;
}

/** Deletes one batch of the oldest recorded rows, from whichever table holds the oldest; 0 when none are left. */
function deleteOldestBatch(db: Database.Database): number {
  const oldest = HISTORY_TABLES.map((table) => ({
    table,
    at: (db.prepare(`SELECT min(at) AS at FROM ${table}`).get() as { at: number | null }).at,
  }))
    .filter((t): t is { table: (typeof HISTORY_TABLES)[number]; at: number } => t.at !== null)
    .sort((a, b) => a.at - b.at)[0];
  if (!oldest) return 0;
  return db
    .prepare(
      `DELETE FROM ${oldest.table} WHERE id IN (SELECT id FROM ${oldest.table} ORDER BY at LIMIT ${BATCH})`,
    )
    .run().changes;
}

/**
 * Retention. Age: recorded rows older than `days` go. Size: while the pages holding data exceed `maxBytes`,
 * the oldest recorded rows go a batch at a time (oldest first across both tables). Then the free pages are
 * handed back to the file system (incremental_vacuum) and the WAL is checkpointed and truncated, so the
 * file on disk shrinks too. Each batch is its own transaction, so another instance's writes interleave.
 */
export function pruneHistory(
  db: Database.Database,
  { days, maxBytes, now = Date.now() }: { days: number; maxBytes: number; now?: number },
): PruneReport {
  const bytesBefore = usedBytes(db);
  const deletedByAge = deleteOlderThan(db, now - days * 24 * 60 * 60 * 1000);
  let deletedBySize = 0;
  while (usedBytes(db) > maxBytes) {
    const n = deleteOldestBatch(db);
    if (n === 0) break;
    deletedBySize += n;
  }
  if (deletedByAge + deletedBySize > 0) {
    db.pragma('incremental_vacuum');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  const bytesAfter = usedBytes(db);
  return { deletedByAge, deletedBySize, bytesBefore, bytesAfter, overCapAfter: bytesAfter > maxBytes };
}
