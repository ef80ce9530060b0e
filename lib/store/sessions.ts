import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { toIso, toMs } from './times';

export type SessionEntryKind = 'diagnosis' | 'note' | 'action' | 'copied' | 'recording';

export interface Session {
  id: string;
  target: string;
  createdAt: string;
  /** Imported case files are read-only: their timeline is someone else's record. */
  readOnly: boolean;
  importedFrom?: string;
}

export interface SessionEntry {
  sessionId: string;
  seq: number;
  at: string;
  kind: SessionEntryKind;
  payload: unknown;
}

export type AppendResult =
  { status: 'appended'; entry: SessionEntry } | { status: 'not-found' } | { status: 'read-only' };

interface SessionRow {
  id: string;
  target: string;
  created_at: number;
  read_only: 0 | 1;
  imported_from: string | null;
}

interface EntryRow {
  session_id: string;
  seq: number;
  at: number;
  kind: SessionEntryKind;
  payload: string;
}

const toSession = (r: SessionRow): Session => ({
  id: r.id,
  target: r.target,
  createdAt: toIso(r.created_at),
  readOnly: r.read_only === 1,
  ...(r.imported_from === null ? {} : { importedFrom: r.imported_from }),
});

export function createSession(
  db: Database.Database,
  {
    target,
    readOnly = false,
    importedFrom,
    now = new Date().toISOString(),
  }: { target: string; readOnly?: boolean; importedFrom?: string; now?: string },
): Session {
  const id = randomUUID();
  db.prepare(
    'INSERT INTO sessions (id, target, created_at, read_only, imported_from) VALUES (?, ?, ?, ?, ?)',
  ).run(id, target, toMs(now), readOnly ? 1 : 0, importedFrom ?? null);
  return toSession({
    id,
    target,
    created_at: toMs(now),
    read_only: readOnly ? 1 : 0,
    imported_from: importedFrom ?? null,
  });
}

export function getSession(db: Database.Database, id: string): Session | null {
  const row = db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  return row ? toSession(row) : null;
}

/** Sessions newest first. */
export function listSessions(db: Database.Database, { limit = 50 }: { limit?: number } = {}): Session[] {
  return (
    db.prepare('SELECT * FROM sessions ORDER BY created_at DESC, id LIMIT ?').all(limit) as SessionRow[]
  ).map(toSession);
}

export function deleteSession(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
}

/**
 * Adds an entry at the end of a session's timeline. The next seq is read and written in one IMMEDIATE
 * transaction, so two instances appending at once get distinct, gapless numbers.
 */
export function appendSessionEntry(
  db: Database.Database,
  {
    sessionId,
    kind,
    payload,
    at = new Date().toISOString(),
  }: { sessionId: string; kind: SessionEntryKind; payload: unknown; at?: string },
): AppendResult {
  const append = db.transaction((): AppendResult => {
    const session = db.prepare('SELECT read_only FROM sessions WHERE id = ?').get(sessionId) as
      { read_only: 0 | 1 } | undefined;
    if (!session) return { status: 'not-found' };
    if (session.read_only === 1) return { status: 'read-only' };
    const { next } = db
      .prepare('SELECT coalesce(max(seq), 0) + 1 AS next FROM session_entries WHERE session_id = ?')
      .get(sessionId) as { next: number };
    db.prepare('INSERT INTO session_entries (session_id, seq, at, kind, payload) VALUES (?, ?, ?, ?, ?)').run(
      sessionId,
      next,
      toMs(at),
      kind,
      JSON.stringify(payload ?? null),
    );
    return { status: 'appended', entry: { sessionId, seq: next, at, kind, payload: payload ?? null } };
  });
  return append.immediate();
}

/**
 * Entries for an imported (read-only) session, written with the seq and times they had in the case file.
 * Kept apart from appendSessionEntry, which refuses read-only sessions.
 */
export function importSessionEntries(
  db: Database.Database,
  sessionId: string,
  entries: readonly Omit<SessionEntry, 'sessionId'>[],
): void {
  const insert = db.prepare(
    'INSERT INTO session_entries (session_id, seq, at, kind, payload) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const e of entries)
      insert.run(sessionId, e.seq, toMs(e.at), e.kind, JSON.stringify(e.payload ?? null));
  })();
}

/** A session's timeline in order. */
export function sessionEntries(db: Database.Database, sessionId: string): SessionEntry[] {
  return (
    db.prepare('SELECT * FROM session_entries WHERE session_id = ? ORDER BY seq').all(sessionId) as EntryRow[]
  ).map((r) => ({
    sessionId: r.session_id,
    seq: r.seq,
    at: toIso(r.at),
    kind: r.kind,
    payload: JSON.parse(r.payload) as unknown,
  }));
}
