/**
 * A case file from another machine becomes a read-only session here: the same timeline, numbered in
 * order, labelled with where and when it was captured. Nothing is probed; the session page re-checks the
 * stored facts with this machine's engine.
 */
import type Database from 'better-sqlite3';
import { createSession, importSessionEntries, type Session } from '@/lib/store/sessions';
import { caseDiagnoses } from './read';
import type { CaseFile } from './schema';
import { PLATFORM_NAMES } from './view';

/** "Linux machine, captured 14:02 UTC on 2026-12-02": when its last diagnosis gathered its facts. */
export function importedFromLabel(caseFile: CaseFile): string {
  const last = caseDiagnoses(caseFile).at(-1);
  const at = new Date(last?.diagnosis.facts.gatheredAt ?? caseFile.exportedAt).toISOString();
  return `${PLATFORM_NAMES[caseFile.machine.platform]} machine, captured ${at.slice(11, 16)} UTC on ${at.slice(0, 10)}`;
}

export function importCaseFile(db: Database.Database, caseFile: CaseFile): Session {
  return db.transaction(() => {
    const session = createSession(db, {
      target: caseFile.session.target,
      readOnly: true,
      importedFrom: importedFromLabel(caseFile),
    });
    const ordered = [...caseFile.entries].sort((a, b) => a.seq - b.seq);
    importSessionEntries(
      db,
      session.id,
      ordered.map((e, i) => ({ seq: i + 1, at: e.at, kind: e.kind, payload: e.payload })),
    );
    return session;
  })();
}
