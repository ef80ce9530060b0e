/** Two app instances writing the same DATA_DIR at once: no SQLITE_BUSY escapes, nothing lost, no corruption. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '@/lib/store/open-store';
import { removeTempDataDirs, startStoreChild, stopStoreChildren, tempDataDir } from './store-support';

afterAll(() => {
  stopStoreChildren();
  removeTempDataDirs();
});

const PER_WRITER = 400;

it('two processes that create, migrate and fill the same fresh DATA_DIR together both finish cleanly', async () => {
  const dataDir = tempDataDir();
  const a = startStoreChild(['write', dataDir, 'a', String(PER_WRITER)]);
  const b = startStoreChild(['write', dataDir, 'b', String(PER_WRITER)]);
  const [ea, eb] = await Promise.all([a.exited, b.exited]);
  expect({ exit: ea, stderr: a.stderr() }).toEqual({ exit: { code: 0, signal: null }, stderr: '' });
  expect({ exit: eb, stderr: b.stderr() }).toEqual({ exit: { code: 0, signal: null }, stderr: '' });
  expect(a.lines).toHaveLength(PER_WRITER);
  expect(b.lines).toHaveLength(PER_WRITER);

  const db = new Database(join(dataDir, DB_FILE_NAME));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = (db.prepare('SELECT command FROM listener_events').all() as { command: string }[]).map(
    (r) => r.command,
  );
  db.close();
  expect(stored.sort()).toEqual([...a.lines, ...b.lines].sort());
}, 120_000);
