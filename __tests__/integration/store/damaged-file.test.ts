/** A history file that is not a database, or is damaged, is set aside (never deleted) and a fresh one serves. */
import {
  closeSync,
  openSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME, openStore } from '@/lib/store/open-store';
import { MIGRATIONS } from '@/lib/store/migrations';
import { listenerEvents, recordListenerEvents } from '@/lib/store/listener-events';
import { memoryLog, removeTempDataDirs, sampleEvent, tempDataDir } from './store-support';

afterEach(removeTempDataDirs);

/** A real, closed, checkpointed history database with enough rows to span many pages. */
function realDatabase(dataDir: string): Buffer {
  const opened = openStore({ dataDir, log: memoryLog() });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  recordListenerEvents(
    opened.db,
    Array.from({ length: 2000 }, (_, i) =>
      sampleEvent({ port: 1024 + i, command: `node server-${i}.js --verbose` }),
    ),
  );
  opened.db.pragma('wal_checkpoint(TRUNCATE)');
  opened.db.close();
  return readFileSync(join(dataDir, DB_FILE_NAME));
}

function expectSetAsideAndFresh(dataDir: string, original: Buffer) {
  const log = memoryLog();
  const opened = openStore({ dataDir, log });
  if (opened.status !== 'ok') throw new Error(`expected a fresh store, got: ${opened.reason}`);

  const aside = readdirSync(dataDir).filter((f) =>
    /^history\.sqlite\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(f),
  );
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(dataDir, aside[0]!)).equals(original)).toBe(true);
  expect(log.warnings).toHaveLength(1);
  expect(log.warnings[0]).toContain('is damaged');
  expect(log.warnings[0]).toContain(aside[0]);

  expect(listenerEvents(opened.db)).toEqual([]);
  recordListenerEvents(opened.db, [sampleEvent({ port: 4000 })]);
  expect(listenerEvents(opened.db).map((e) => e.port)).toEqual([4000]);
  expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
  opened.db.close();
}

it('random bytes where the database should be', () => {
  const dataDir = tempDataDir();
  const junk = randomBytes(64 * 1024);
  writeFileSync(join(dataDir, DB_FILE_NAME), junk);
  expectSetAsideAndFresh(dataDir, junk);
});

it('a text file someone saved under that name', () => {
  const dataDir = tempDataDir();
  const text = Buffer.from('these are my notes, not a database\n'.repeat(200));
  writeFileSync(join(dataDir, DB_FILE_NAME), text);
  expectSetAsideAndFresh(dataDir, text);
});

it('a real database truncated to a third of its size', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, DB_FILE_NAME);
  const full = realDatabase(dataDir);
  truncateSync(file, Math.floor(full.length / 3 / 4096) * 4096);
  expectSetAsideAndFresh(dataDir, readFileSync(file));
});

it('a real database whose data pages were overwritten fails integrity_check and is set aside', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, DB_FILE_NAME);
  const full = realDatabase(dataDir);
  const pageSize = full.readUInt16BE(16);
  // Garbage over a run of pages in the middle: table and index b-tree pages, never the header page.
  const fd = openSync(file, 'r+');
  const pages = Math.floor(full.length / pageSize);
  writeSync(fd, Buffer.alloc(pageSize * 3, 0x5a), 0, pageSize * 3, pageSize * Math.floor(pages / 2));
  closeSync(fd);
  const damaged = readFileSync(file);
  // Proof that this is the integrity_check path: the header still reads, so SQLite opens the file happily.
  const raw = new Database(file);
  expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  expect(raw.pragma('integrity_check', { simple: true })).not.toBe('ok');
  raw.close();
  expectSetAsideAndFresh(dataDir, damaged);
});

it('a damaged database and its -wal are set aside together, under names SQLite would pair', () => {
  const dataDir = tempDataDir();
  const file = join(dataDir, DB_FILE_NAME);
  const junk = randomBytes(8192);
  writeFileSync(file, junk);
  writeFileSync(`${file}-wal`, 'wal bytes');
  expectSetAsideAndFresh(dataDir, junk);
  const walAside = readdirSync(dataDir).filter((f) => f.includes('corrupt') && f.endsWith('-wal'));
  expect(walAside).toHaveLength(1);
  expect(readFileSync(join(dataDir, walAside[0]!), 'utf8')).toBe('wal bytes');
});
