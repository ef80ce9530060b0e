/** The per-table repositories on a real database: what the memory, sessions and labs features will read back. */
import type Database from 'better-sqlite3';
import { openStore } from '@/lib/store/open-store';
import { listenerEvents, recordListenerEvents } from '@/lib/store/listener-events';
import { labRuns, recordLabAttempt, startLabRun } from '@/lib/store/lab-progress';
import {
  appendSessionEntry,
  createSession,
  getSession,
  importSessionEntries,
  listSessions,
  sessionEntries,
} from '@/lib/store/sessions';
import { createWatch, deleteWatch, listWatches, recordWatchSample, watchSamples } from '@/lib/store/watches';
import { memoryLog, removeTempDataDirs, sampleEvent, tempDataDir } from './store-support';

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

it('listener events come back newest first, filtered by port and since, every field intact', () => {
  const ids = recordListenerEvents(db, [
    sampleEvent({ port: 3000, at: '2030-01-01T10:00:00.000Z' }),
    sampleEvent({ port: 3000, at: '2030-01-01T11:00:00.000Z', kind: 'closed', pid: null, user: null }),
    sampleEvent({ port: 8080, at: '2030-01-01T12:00:00.000Z', family: 'IPv6', address: '::1' }),
  ]);
  expect(ids).toHaveLength(3);
  expect(listenerEvents(db).map((e) => e.at)).toEqual([
    '2030-01-01T12:00:00.000Z',
    '2030-01-01T11:00:00.000Z',
    '2030-01-01T10:00:00.000Z',
  ]);
  expect(listenerEvents(db, { port: 3000, since: '2030-01-01T10:30:00.000Z' })).toEqual([
    {
      id: ids[1],
      ...sampleEvent({ port: 3000, at: '2030-01-01T11:00:00.000Z', kind: 'closed', pid: null, user: null }),
    },
  ]);
  expect(listenerEvents(db, { limit: 1 }).map((e) => e.port)).toEqual([8080]);
});

it('a batch of listener events is all or nothing', () => {
  expect(() => recordListenerEvents(db, [sampleEvent(), sampleEvent({ kind: 'vanished' as never })])).toThrow(
    /CHECK constraint/,
  );
  expect(listenerEvents(db)).toEqual([]);
});

it('a session timeline numbers its entries 1, 2, 3 and keeps JSON payloads as given', () => {
  const session = createSession(db, { target: '127.0.0.1:62893', now: '2030-01-01T00:00:00.000Z' });
  expect(getSession(db, session.id)).toEqual({
    id: session.id,
    target: '127.0.0.1:62893',
    createdAt: '2030-01-01T00:00:00.000Z',
    readOnly: false,
  });
  for (const [kind, payload] of [
    ['diagnosis', { summary: 'nothing listens on 62893' }],
    ['note', { text: 'started the dev server' }],
    ['copied', { command: 'npm run dev' }],
  ] as const) {
    expect(appendSessionEntry(db, { sessionId: session.id, kind, payload })).toMatchObject({
      status: 'appended',
    });
  }
  expect(sessionEntries(db, session.id).map((e) => [e.seq, e.kind, e.payload])).toEqual([
    [1, 'diagnosis', { summary: 'nothing listens on 62893' }],
    [2, 'note', { text: 'started the dev server' }],
    [3, 'copied', { command: 'npm run dev' }],
  ]);
});

it('an imported session is read-only: its entries load, appending is refused; a missing session is not-found', () => {
  const imported = createSession(db, {
    target: 'localhost:3000',
    readOnly: true,
    importedFrom: 'case-42.json',
  });
  importSessionEntries(db, imported.id, [
    { seq: 1, at: '2029-12-31T00:00:00.000Z', kind: 'note', payload: 'from Ann' },
  ]);
  expect(getSession(db, imported.id)).toMatchObject({ readOnly: true, importedFrom: 'case-42.json' });
  expect(appendSessionEntry(db, { sessionId: imported.id, kind: 'note', payload: 'mine' })).toEqual({
    status: 'read-only',
  });
  expect(sessionEntries(db, imported.id).map((e) => e.payload)).toEqual(['from Ann']);
  expect(appendSessionEntry(db, { sessionId: 'no-such-id', kind: 'note', payload: 1 })).toEqual({
    status: 'not-found',
  });
  expect(listSessions(db).map((s) => s.id)).toEqual([imported.id]);
});

it('watch samples come back newest first; deleting a watch deletes its samples', () => {
  const watch = createWatch(db, { target: 'localhost:5173', intervalSeconds: 10 });
  expect(listWatches(db)).toEqual([watch]);
  recordWatchSample(db, {
    watchId: watch.id,
    at: '2030-01-01T00:00:00.000Z',
    up: false,
    connectMs: null,
    ttfbMs: null,
    status: null,
  });
  recordWatchSample(db, {
    watchId: watch.id,
    at: '2030-01-01T00:00:10.000Z',
    up: true,
    connectMs: 0.4,
    ttfbMs: 12.5,
    status: 200,
  });
  expect(watchSamples(db, { watchId: watch.id }).map((s) => [s.up, s.status])).toEqual([
    [true, 200],
    [false, null],
  ]);
  expect(deleteWatch(db, watch.id)).toBe(true);
  expect(db.prepare('SELECT count(*) AS n FROM watch_samples').get()).toEqual({ n: 0 });
});

it('lab progress counts attempts and keeps the first solvedAt', () => {
  const run = startLabRun(db, { labId: 'wrong-family', now: '2030-01-01T00:00:00.000Z' });
  recordLabAttempt(db, { runId: run.runId, solved: false });
  recordLabAttempt(db, { runId: run.runId, solved: true, now: '2030-01-01T00:05:00.000Z' });
  const last = recordLabAttempt(db, { runId: run.runId, solved: true, now: '2030-01-01T00:09:00.000Z' });
  expect(last).toEqual({ ...run, attempts: 3, solvedAt: '2030-01-01T00:05:00.000Z' });
  expect(labRuns(db, { labId: 'wrong-family' })).toEqual([last]);
  expect(recordLabAttempt(db, { runId: 'nope', solved: true })).toBeNull();
});
