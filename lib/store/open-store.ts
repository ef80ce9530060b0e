import 'server-only';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, SchemaTooNewError } from './migrations';
import { isDamagedDatabase, storageFailureReason } from './storage-errors';

export const DB_FILE_NAME = 'history.sqlite';
/** Long enough for another instance's prune batch or migration to finish; short enough not to hang a request. */
export const BUSY_TIMEOUT_MS = 5000;

export interface StoreLog {
  warn(message: string): void;
}

export type OpenStoreResult =
  | { status: 'ok'; db: Database.Database; file: string }
  | { status: 'unavailable'; reason: string; file: string };

type Attempt =
  | { kind: 'ok'; db: Database.Database }
  | { kind: 'damaged'; detail: string }
  | { kind: 'unavailable'; reason: string };

function configure(db: Database.Database): void {
  // Incremental auto-vacuum lets retention hand freed pages back to the file system; SQLite accepts the
  // setting only before the first table exists, so it is set on a fresh file and is a no-op afterwards.
  const tables = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
  if (tables.n === 0) db.pragma('auto_vacuum = INCREMENTAL');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal')
    throw Object.assign(new Error(`journal_mode is ${String(mode)}, not wal`), { code: 'SQLITE_READONLY' });
  // FULL: a commit is on disk before it is reported, so even a power cut keeps what we said we wrote.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

function integrityProblem(db: Database.Database): string | null {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length === 1 && rows[0]!.integrity_check === 'ok') return null;
  return rows
    .slice(0, 5)
    .map((r) => r.integrity_check)
    .join('; ');
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether a non-empty file lacks SQLite's magic header. Checked before SQLite sees the file, because SQLite
 * given a non-database discards the -wal beside it when the handle closes: that file goes aside intact too.
 */
function lacksSqliteHeader(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // missing (SQLite creates it) or unreadable (SQLite says why)
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n === 0) return false; // an empty file is an empty database
    return n < head.length || !head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function attemptOpen(file: string): Attempt {
  if (lacksSqliteHeader(file))
    return { kind: 'damaged', detail: 'not an SQLite database (no SQLite header)' };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
    configure(db);
    const problem = integrityProblem(db);
    if (problem !== null) {
      db.close();
      return { kind: 'damaged', detail: `integrity_check: ${problem}` };
    }
    migrate(db);
    return { kind: 'ok', db };
  } catch (err) {
    try {
      db?.close();
    } catch {
      // Closing a handle that failed to open has nothing left to release.
    }
    if (err instanceof SchemaTooNewError) return { kind: 'unavailable', reason: err.message };
    if (isDamagedDatabase(err))
      return { kind: 'damaged', detail: err instanceof Error ? err.message : String(err) };
    const reason = storageFailureReason(err);
    if (reason !== null) return { kind: 'unavailable', reason };
    throw err;
  }
}

function asideName(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let candidate = `${file}.corrupt-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${file}.corrupt-${stamp}-${n}`;
  return candidate;
}

/**
 * Moves a damaged database (and its -wal/-shm, which belong to it) aside under a timestamped name, so a
 * person can still try to recover it: the store never deletes a file it did not create this moment.
 */
function setAside(file: string, log: StoreLog, detail: string): string | null {
  const aside = asideName(file, new Date());
  try {
    renameSync(file, aside);
  } catch (err) {
    // Another instance set it aside first: the fresh file it makes is the one to use.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  log.warn(`history database ${file} is damaged (${detail}); moved it to ${aside} and started a fresh one`);
  return aside;
}

/** Opens (creating, repairing or migrating as needed) the history database in dataDir. Never throws for disk trouble. */
export function openStore({ dataDir, log }: { dataDir: string; log: StoreLog }): OpenStoreResult {
  const file = join(dataDir, DB_FILE_NAME);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    let attempt = attemptOpen(file);
    if (attempt.kind === 'damaged') {
      setAside(file, log, attempt.detail);
      attempt = attemptOpen(file);
    }
    if (attempt.kind === 'ok') return { status: 'ok', db: attempt.db, file };
    const reason =
      attempt.kind === 'damaged' ? `a fresh database is damaged too (${attempt.detail})` : attempt.reason;
    return { status: 'unavailable', reason, file };
  } catch (err) {
    const reason = storageFailureReason(err);
    if (reason === null) throw err;
    return { status: 'unavailable', reason, file };
  }
}
