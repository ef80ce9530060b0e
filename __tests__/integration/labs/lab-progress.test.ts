/** The labs' progress on a real database: answers count attempts, the lab's check marks solved once. */
import type Database from 'better-sqlite3';
import { openStore } from '@/lib/store/open-store';
import { labRuns, markLabSolved, recordLabAttempt, startLabRun } from '@/lib/store/lab-progress';
import { memoryLog, removeTempDataDirs, tempDataDir } from '../store/store-support';

let db: Database.Database;
beforeEach(() => {
  const opened = openStore({ dataDir: tempDataDir(), log: memoryLog() });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  db = opened.db;
});
afterEach(() => {
  db.close();
  removeTempDataDirs();
});

it('a solved check keeps the first solvedAt and counts no attempt; an unknown run is null', () => {
  const run = startLabRun(db, { labId: 'broken-app', now: '2030-01-01T00:00:00.000Z' });
  recordLabAttempt(db, { runId: run.runId, solved: false });
  markLabSolved(db, { runId: run.runId, now: '2030-01-01T00:03:00.000Z' });
  const again = markLabSolved(db, { runId: run.runId, now: '2030-01-01T00:09:00.000Z' });
  expect(again).toEqual({ ...run, attempts: 1, solvedAt: '2030-01-01T00:03:00.000Z' });
  expect(labRuns(db, { labId: 'broken-app' })).toEqual([again]);
  expect(markLabSolved(db, { runId: 'nope' })).toBeNull();
});
