import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { toIso, toIsoOrNull, toMs } from './times';

/** One go at a lab: when it started, how many times the user checked, and when (if) it was solved. */
export interface LabRun {
  labId: string;
  runId: string;
  startedAt: string;
  attempts: number;
  solvedAt: string | null;
}

interface Row {
  lab_id: string;
  run_id: string;
  started_at: number;
  attempts: number;
  solved_at: number | null;
}

const toRun = (r: Row): LabRun => ({
  labId: r.lab_id,
  runId: r.run_id,
  startedAt: toIso(r.started_at),
  attempts: r.attempts,
  solvedAt: toIsoOrNull(r.solved_at),
});

export function startLabRun(
  db: Database.Database,
  { labId, now = new Date().toISOString() }: { labId: string; now?: string },
): LabRun {
  const run: LabRun = { labId, runId: randomUUID(), startedAt: now, attempts: 0, solvedAt: null };
  db.prepare('INSERT INTO lab_progress (run_id, lab_id, started_at, attempts) VALUES (?, ?, ?, 0)').run(
    run.runId,
    labId,
    toMs(now),
  );
  return run;
}

function getRun(db: Database.Database, runId: string): LabRun | null {
  const row = db.prepare('SELECT * FROM lab_progress WHERE run_id = ?').get(runId) as Row | undefined;
  return row ? toRun(row) : null;
}

/** Counts one check of the user's fix; a solved run keeps its first solvedAt. null when there is no such run. */
export function recordLabAttempt(
  db: Database.Database,
  { runId, solved, now = new Date().toISOString() }: { runId: string; solved: boolean; now?: string },
): LabRun | null {
  db.prepare(
    `UPDATE lab_progress SET attempts = attempts + 1,
       solved_at = CASE WHEN @solved = 1 THEN coalesce(solved_at, @now) ELSE solved_at END
     WHERE run_id = @runId`,
  ).run({ runId, solved: solved ? 1 : 0, now: toMs(now) });
  return getRun(db, runId);
}

/** Runs newest first, for one lab or all. */
export function labRuns(db: Database.Database, { labId }: { labId?: string } = {}): LabRun[] {
  const rows = (
    labId === undefined
      ? db.prepare('SELECT * FROM lab_progress ORDER BY started_at DESC, run_id').all()
      : db.prepare('SELECT * FROM lab_progress WHERE lab_id = ? ORDER BY started_at DESC, run_id').all(labId)
  ) as Row[];
  return rows.map(toRun);
}

/**
 * Records that the lab's own check found the fix in place, without counting an attempt (attempts count the
 * answers); the first solvedAt stays. null when there is no such run.
 */
export function markLabSolved(
  db: Database.Database,
  { runId, now = new Date().toISOString() }: { runId: string; now?: string },
): LabRun | null {
  db.prepare('UPDATE lab_progress SET solved_at = coalesce(solved_at, ?) WHERE run_id = ?').run(
    toMs(now),
    runId,
  );
  return getRun(db, runId);
}
