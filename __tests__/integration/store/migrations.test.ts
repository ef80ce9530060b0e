/** Schema migrations on real SQLite files in a temporary DATA_DIR. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, migrate, schemaVersion } from '@/lib/store/migrations';
import { DB_FILE_NAME, openStore } from '@/lib/store/open-store';
import { listenerEvents, recordListenerEvents } from '@/lib/store/listener-events';
import { memoryLog, removeTempDataDirs, sampleEvent, tempDataDir } from './store-support';

afterEach(removeTempDataDirs);

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

it('a missing DATA_DIR is created with a WAL database at the latest schema version, with every table', () => {
  const dataDir = join(tempDataDir(), 'nested', 'data');
  const opened = openStore({ dataDir, log: memoryLog() });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  expect(schemaVersion(opened.db)).toBe(MIGRATIONS.length);
  expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(opened.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  expect(opened.db.pragma('auto_vacuum', { simple: true })).toBe(2); // incremental
  expect(tables(opened.db)).toEqual([
    'lab_progress',
    'listener_events',
    'listener_state',
    'listener_state_clock',
    'session_entries',
    'sessions',
    'target_observations',
    'watch_samples',
    'watches',
  ]);
  opened.db.close();
});

it('an existing empty (0-byte) file is migrated in place', () => {
  const dataDir = tempDataDir();
  writeFileSync(join(dataDir, DB_FILE_NAME), '');
  const log = memoryLog();
  const opened = openStore({ dataDir, log });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  expect(schemaVersion(opened.db)).toBe(MIGRATIONS.length);
  expect(log.warnings).toEqual([]);
  opened.db.close();
});

it('re-opening is idempotent: same version, same rows, no warning, nothing set aside', () => {
  const dataDir = tempDataDir();
  const first = openStore({ dataDir, log: memoryLog() });
  if (first.status !== 'ok') throw new Error(first.reason);
  recordListenerEvents(first.db, [sampleEvent({ port: 8080 })]);
  first.db.close();
  for (let i = 0; i < 3; i++) {
    const log = memoryLog();
    const again = openStore({ dataDir, log });
    if (again.status !== 'ok') throw new Error(again.reason);
    expect(schemaVersion(again.db)).toBe(MIGRATIONS.length);
    expect(listenerEvents(again.db).map((e) => e.port)).toEqual([8080]);
    expect(log.warnings).toEqual([]);
    again.db.close();
  }
  expect(readdirSync(dataDir).filter((f) => f.includes('corrupt'))).toEqual([]);
});

it('a file at an older version gets only the later steps, and keeps its rows', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, DB_FILE_NAME);
  const v1 = new Database(file);
  migrate(v1, MIGRATIONS.slice(0, 1));
  // A row as release 1 wrote it (today's repository writes columns a later step added).
  v1.prepare(
    "INSERT INTO listener_events (at, kind, protocol, address, port, family) VALUES (0, 'opened', 'tcp', '127.0.0.1', 5173, 'IPv4')",
  ).run();
  v1.close();

  // A later release's step 2, as it would be appended to MIGRATIONS.
  const withStep2 = [...MIGRATIONS.slice(0, 1), 'ALTER TABLE listener_events ADD COLUMN container TEXT'];
  const db = new Database(file);
  expect(schemaVersion(db)).toBe(1);
  expect(migrate(db, withStep2)).toBe(2);
  expect(schemaVersion(db)).toBe(2);
  const row = db.prepare('SELECT port, container FROM listener_events').get();
  expect(row).toEqual({ port: 5173, container: null });
  // Running again applies nothing (an ALTER run twice would throw "duplicate column").
  expect(migrate(db, withStep2)).toBe(2);
  db.close();
});

it('a database from a newer app is refused with a clear reason and left byte-for-byte untouched', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, DB_FILE_NAME);
  const newer = new Database(file);
  newer.pragma('journal_mode = WAL');
  migrate(newer);
  newer.pragma(`user_version = ${MIGRATIONS.length + 5}`);
  newer.pragma('wal_checkpoint(TRUNCATE)');
  newer.close();
  const before = readFileSync(file);

  const log = memoryLog();
  const opened = openStore({ dataDir, log });
  expect(opened.status).toBe('unavailable');
  expect(opened.status === 'unavailable' && opened.reason).toMatch(
    new RegExp(
      `schema version ${MIGRATIONS.length + 5}, newer than this app knows \\(${MIGRATIONS.length}\\)`,
    ),
  );
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(readdirSync(dataDir).filter((f) => f.includes('corrupt'))).toEqual([]);
});
