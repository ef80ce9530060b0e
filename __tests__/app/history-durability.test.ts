/**
 * The real app's store survives what a laptop does to it: kill -9 between writes, a file that is not a
 * database, and two instances on one DATA_DIR.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { listListeners } from '@/lib/host/listeners';
import { freePort, rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { program, type Program } from '@/__tests__/support/history-program';

const apps: RunningApp[] = [];
let shop: Program | undefined;
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ld-history-app-'));
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.stop()));
  await shop?.cleanup();
  shop = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function history(app: RunningApp, port: number): Promise<{ kind: string; pid: number; at: string }[]> {
  const res = await rawRequest(`${app.url}/api/history?port=${port}`, {
    headers: { host: `127.0.0.1:${app.port}` },
  });
  expect(res.status).toBe(200);
  return JSON.parse(res.body).events;
}

async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function storedEvents(port: number): { kind: string; pid: number; at: number }[] {
  const db = new Database(join(dataDir, 'history.sqlite'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db
      .prepare('SELECT kind, pid, at FROM listener_events WHERE port = ? ORDER BY id')
      .all(port) as never;
  } finally {
    db.close();
  }
}

test('kill -9 of the app between writes leaves a readable database with every event it reported', async () => {
  const app = await startApp({ DATA_DIR: dataDir, HISTORY_SAMPLE_MS: '100' });
  apps.push(app);
  shop = program();
  const port = await freePort();
  for (let i = 0; i < 3; i++) {
    await shop.start(port);
    const pid = shop.pid();
    await until(
      async () => (await history(app, port)).some((e) => e.kind === 'opened' && e.pid === pid),
      `opened ${i}`,
    );
    await shop.stop();
    await until(
      async () => (await history(app, port)).some((e) => e.kind === 'closed' && e.pid === pid),
      `closed ${i}`,
    );
  }
  const reported = await history(app, port);
  expect(reported).toHaveLength(6);
  // A new server opens, and the app dies at once, mid-sampling, without a chance to clean up.
  // The server itself (tsx's CLI runs scripts/start.ts in a child): the process that holds the app's port.
  const server = (await listListeners({ port: app.port })).listeners.find((l) => l.pid !== null)!.pid!;
  await shop.start(port);
  process.kill(server, 'SIGKILL');
  await until(async () => !existsSync(`/proc/${server}`), 'the killed server to be gone');
  const stored = storedEvents(port);
  expect(stored.slice(0, 6).map((e) => [e.kind, e.pid])).toEqual(
    [...reported].reverse().map((e) => [e.kind, e.pid]),
  );
}, 120_000);

test('a history file that is not a database is set aside (kept, timestamped) and the app records into a fresh one', async () => {
  writeFileSync(join(dataDir, 'history.sqlite'), 'these are my notes, not a database\n');
  const app = await startApp({ DATA_DIR: dataDir, HISTORY_SAMPLE_MS: '100' });
  apps.push(app);
  shop = program();
  const port = await freePort();
  await shop.start(port);
  await until(async () => (await history(app, port)).length === 1, 'opened');
  const aside = readdirSync(dataDir).filter((f) => f.startsWith('history.sqlite.corrupt-'));
  expect(aside).toHaveLength(1);
  expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toBe('these are my notes, not a database\n');
  expect(app.output()).toContain('is damaged (not an SQLite database (no SQLite header)); moved it to');
  expect(existsSync(join(dataDir, 'history.sqlite'))).toBe(true);
}, 90_000);

test('two app instances on one DATA_DIR both serve the history, record each change once, and keep the file whole', async () => {
  const [a, b] = await Promise.all([
    startApp({ DATA_DIR: dataDir, HISTORY_SAMPLE_MS: '100' }),
    startApp({ DATA_DIR: dataDir, HISTORY_SAMPLE_MS: '100' }),
  ]);
  apps.push(a!, b!);
  shop = program();
  const port = await freePort();
  const pids: (number | null)[] = [];
  for (let i = 0; i < 3; i++) {
    await shop.start(port);
    const pid = shop.pid();
    pids.push(pid);
    await until(
      async () => (await history(b!, port)).some((e) => e.kind === 'opened' && e.pid === pid),
      `opened ${i}`,
    );
    await shop.stop();
    await until(
      async () => (await history(a!, port)).some((e) => e.kind === 'closed' && e.pid === pid),
      `closed ${i}`,
    );
  }
  const seen = await history(a!, port);
  // Each start and stop once, with its own pid: neither instance re-recorded what the other had.
  expect(seen.map((e) => [e.kind, e.pid])).toEqual(
    [...pids].reverse().flatMap((pid) => [
      ['closed', pid],
      ['opened', pid],
    ]),
  );
  expect(await history(b!, port)).toEqual(await history(a!, port));
  await Promise.all(apps.splice(0).map((x) => x.stop()));
  expect(storedEvents(port)).toHaveLength(6);
}, 150_000);
