/**
 * kill -9 of a real writer at random moments: the database always opens, passes integrity_check, and holds
 * every row the writer reported as committed (it prints each id only after its commit returned).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from '@/lib/store/open-store';
import {
  removeTempDataDirs,
  startStoreChild,
  stopStoreChildren,
  tempDataDir,
  waitFor,
} from './store-support';

afterAll(() => {
  stopStoreChildren();
  removeTempDataDirs();
});

const ROUNDS = 6;

it(`a writer killed with SIGKILL ${ROUNDS} times loses nothing it reported as committed`, async () => {
  const dataDir = tempDataDir();
  const reported = new Set<string>();
  for (let round = 1; round <= ROUNDS; round++) {
    const run = startStoreChild(['write', dataDir, `r${round}`, 'forever']);
    await waitFor(
      () => run.lines.length > 0,
      30_000,
      `round ${round}'s first commit (stderr: ${run.stderr()})`,
    );
    // A random moment while it commits in a loop: 20–400 ms after its first commit.
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 380));
    run.child.kill('SIGKILL');
    expect(await run.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Only complete lines count: a half-printed id at the kill was never fully reported.
    for (const line of run.lines) reported.add(line);

    const db = new Database(join(dataDir, DB_FILE_NAME));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(
      (db.prepare('SELECT command FROM listener_events').all() as { command: string }[]).map(
        (r) => r.command,
      ),
    );
    db.close();
    const missing = [...reported].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(run.lines.length).toBeGreaterThan(0);
  }
}, 120_000);
