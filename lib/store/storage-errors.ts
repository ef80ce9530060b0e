/**
 * Errors that mean "the disk will not take this now" (read-only, full, missing, failing, locked for too long)
 * rather than a bug in our SQL. These pause recording with a reason; anything else is a bug and is rethrown.
 */
const STORAGE_CODES: Record<string, string> = {
  SQLITE_READONLY: 'the data directory is read-only',
  SQLITE_FULL: 'the disk is full',
  SQLITE_CANTOPEN: 'the database file cannot be opened or created',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_BUSY: 'another process held the database locked for too long',
  SQLITE_LOCKED: 'the database is locked',
  SQLITE_PERM: 'permission denied',
  SQLITE_AUTH: 'permission denied',
  SQLITE_PROTOCOL: 'the database lock protocol failed',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the data directory is on a read-only file system',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EIO: 'the disk reported an I/O error',
  ENOTDIR: 'a path component of the data directory is not a directory',
  EEXIST: 'the data directory path exists and is not a directory',
};

/** Codes that mean the file is damaged (or not a database at all), so it is set aside and replaced. */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

function codeOf(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = (err as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** A reason to show the user when `err` is a storage condition; null when it is something else (a bug). */
export function storageFailureReason(err: unknown): string | null {
  const code = codeOf(err);
  if (code === null) return null;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, SQLITE_CANTOPEN_ISDIR…) share a base.
  const base = Object.keys(STORAGE_CODES).find((known) => code === known || code.startsWith(`${known}_`));
  if (base === undefined) return null;
  const message = err instanceof Error ? err.message : String(err);
  return `${STORAGE_CODES[base]} (${code}: ${message})`;
}

export function isDamagedDatabase(err: unknown): boolean {
  const code = codeOf(err);
  return code !== null && [...DAMAGE_CODES].some((d) => code === d || code.startsWith(`${d}_`));
}
