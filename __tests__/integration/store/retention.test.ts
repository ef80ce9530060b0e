/** Retention on a real database: by age (HISTORY_DAYS) and by size (HISTORY_MAX_MB), keeping the user's own records. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DB_FILE_NAME, openStore } from '@/lib/store/open-store';
import { listenerEvents, recordListenerEvents } from '@/lib/store/listener-events';
import { pruneHistory, usedBytes } from '@/lib/store/prune-history';
import { startHistoryPruning } from '@/lib/store/prune-timer';
import { createStore } from '@/lib/store/store';
import { appendSessionEntry, createSession, sessionEntries } from '@/lib/store/sessions';
import { createWatch, recordWatchSample, watchSamples } from '@/lib/store/watches';
import { memoryLog, removeTempDataDirs, sampleEvent, tempDataDir, waitFor } from './store-support';
import { absenceWindow } from '@/__tests__/support/timing';

afterEach(removeTempDataDirs);

const NOW = Date.parse('2030-06-30T00:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (d: number) => new Date(NOW - d * DAY).toISOString();

function freshDb(): { db: Database.Database; file: string } {
  const dataDir = tempDataDir();
  const opened = openStore({ dataDir, log: memoryLog() });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  return { db: opened.db, file: join(dataDir, DB_FILE_NAME) };
}

it('by age: recorded events and samples older than HISTORY_DAYS go; sessions and watches of any age stay', () => {
  const { db } = freshDb();
  recordListenerEvents(db, [
    sampleEvent({ port: 1, at: daysAgo(45) }),
    sampleEvent({ port: 2, at: daysAgo(31) }),
    sampleEvent({ port: 3, at: daysAgo(29) }),
    sampleEvent({ port: 4, at: daysAgo(0) }),
  ]);
  const watch = createWatch(db, { target: '127.0.0.1:3000', intervalSeconds: 5, now: daysAgo(90) });
  for (const d of [40, 10]) {
    recordWatchSample(db, {
      watchId: watch.id,
      at: daysAgo(d),
      up: true,
      connectMs: 1,
      ttfbMs: 2,
      status: 200,
    });
  }
  const session = createSession(db, { target: 'localhost:3000', now: daysAgo(200) });
  appendSessionEntry(db, { sessionId: session.id, kind: 'note', payload: { text: 'old' }, at: daysAgo(200) });

  const report = pruneHistory(db, { days: 30, maxBytes: 100 * 1024 * 1024, now: NOW });

  expect(report).toMatchObject({ deletedByAge: 3, deletedBySize: 0, overCapAfter: false });
  expect(listenerEvents(db).map((e) => e.port)).toEqual([4, 3]);
  expect(watchSamples(db, { watchId: watch.id }).map((s) => s.at)).toEqual([daysAgo(10)]);
  expect(sessionEntries(db, session.id)).toHaveLength(1);
  db.close();
});

it('by size: the oldest recorded rows go until the data fits the cap, and the file on disk shrinks', () => {
  const { db, file } = freshDb();
  const payload = 'x'.repeat(400);
  // 20 000 events, one a minute, newest last: about 10 MB.
  for (let batch = 0; batch < 20; batch++) {
    recordListenerEvents(
      db,
      Array.from({ length: 1000 }, (_, i) =>
        sampleEvent({
          port: 1 + ((batch * 1000 + i) % 60000),
          command: payload,
          at: new Date(NOW - (20000 - batch * 1000 - i) * 60_000).toISOString(),
        }),
      ),
    );
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const fileBefore = statSync(file).size;
  const cap = 2 * 1024 * 1024;
  expect(usedBytes(db)).toBeGreaterThan(4 * cap);

  const report = pruneHistory(db, { days: 365, maxBytes: cap, now: NOW });

  expect(report.deletedByAge).toBe(0);
  expect(report.deletedBySize).toBeGreaterThan(10_000);
  expect(report.bytesAfter).toBeLessThanOrEqual(cap);
  expect(report.overCapAfter).toBe(false);
  // What is left is the newest run of events, unbroken.
  const left = db
    .prepare('SELECT count(*) AS n, min(at) AS oldest, max(at) AS newest FROM listener_events')
    .get() as {
    n: number;
    oldest: number;
    newest: number;
  };
  expect(left.n).toBe(20000 - report.deletedBySize);
  expect(left.newest).toBe(NOW - 60_000);
  expect(left.oldest).toBe(NOW - left.n * 60_000);
  // incremental_vacuum handed the freed pages back: the file itself is now near the cap, not its old size.
  expect(statSync(file).size).toBeLessThan(cap * 1.25);
  expect(statSync(file).size).toBeLessThan(fileBefore / 3);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
});

it('by size: sessions are never deleted to meet the cap; the report says the cap could not be met', () => {
  const { db } = freshDb();
  const session = createSession(db, { target: 'localhost:3000', now: daysAgo(1) });
  for (let i = 0; i < 200; i++) {
    appendSessionEntry(db, { sessionId: session.id, kind: 'diagnosis', payload: { blob: 'y'.repeat(2000) } });
  }
  recordListenerEvents(db, [sampleEvent({ at: daysAgo(1) })]);
  const report = pruneHistory(db, { days: 30, maxBytes: 64 * 1024, now: NOW });
  expect(report.deletedBySize).toBe(1);
  expect(report.overCapAfter).toBe(true);
  expect(sessionEntries(db, session.id)).toHaveLength(200);
  db.close();
});

it('the background timer prunes through the guarded store, and stops when asked', async () => {
  const dataDir = tempDataDir();
  const store = createStore({ dataDir, log: memoryLog() });
  store.write((db) =>
    recordListenerEvents(db, [
      sampleEvent({ at: '2001-01-01T00:00:00.000Z' }),
      sampleEvent({ at: new Date().toISOString() }),
    ]),
  );
  const reports: number[] = [];
  const timer = startHistoryPruning(store, {
    retention: { days: 30, maxBytes: 100 * 1024 * 1024 },
    firstDelayMs: 10,
    intervalMs: 50,
    onPruned: (r) => reports.push(r.deletedByAge),
  });
  await waitFor(() => reports.length > 1, 10_000, 'a second pruning round');
  timer.stop();
  const rounds = reports.length;
  await absenceWindow(200); // four intervals: a timer that stop() missed would have run again
  expect(reports[0]).toBe(1);
  expect(rounds).toBeGreaterThan(1);
  expect(reports.length).toBe(rounds);
  expect(store.read((db) => listenerEvents(db).length)).toEqual({ ok: true, value: 1 });
  store.close();
});
