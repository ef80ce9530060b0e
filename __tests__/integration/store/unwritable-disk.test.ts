/**
 * A DATA_DIR that cannot be written (read-only, full) pauses recording with a `history-unavailable` reason;
 * nothing throws, the process keeps running, and recording resumes once there is room again.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@/lib/store/open-store';
import { recordListenerEvents } from '@/lib/store/listener-events';
import { isRoot, requireOrSkip } from '@/__tests__/support/requirements';
import {
  memoryLog,
  removeTempDataDirs,
  sampleEvent,
  startStoreChild,
  stopStoreChildren,
  tempDataDir,
} from './store-support';

afterAll(() => {
  stopStoreChildren();
  removeTempDataDirs();
});

const NOBODY = 65534;

async function recordAsNobody(dataDir: string) {
  // Root ignores permission bits, so the child runs as an unprivileged user to meet them.
  const run = startStoreChild(['record', dataDir], { uid: NOBODY, gid: NOBODY });
  const exit = await run.exited;
  expect({ exit, stderr: run.stderr().replace(/^warn: .*\n/gm, '') }).toEqual({
    exit: { code: 0, signal: null },
    stderr: '',
  });
  return JSON.parse(run.lines[0]!) as {
    result: { ok: boolean; reason?: string };
    fact: { id: string; reason: string; dataDir: string } | null;
  };
}

/** A temp dir nobody can traverse (0711 parent), holding a DATA_DIR whose bits are set by the test. */
function sharedDataDir(): string {
  const parent = tempDataDir();
  chmodSync(parent, 0o711);
  const dataDir = join(parent, 'data');
  mkdirSync(dataDir);
  return dataDir;
}

it('a read-only (0555) empty DATA_DIR: no database can be created, so recording is unavailable with a reason', async () => {
  if (!requireOrSkip(isRoot, 'root (to run a child as uid 65534)')) return;
  const dataDir = sharedDataDir();
  chmodSync(dataDir, 0o555);
  const { result, fact } = await recordAsNobody(dataDir);
  expect(result.ok).toBe(false);
  expect(result.reason).toMatch(/cannot be opened or created|read-only|permission denied/);
  expect(fact).toMatchObject({ id: 'history-unavailable', dataDir, reason: result.reason });
});

it('a read-only DATA_DIR holding an existing database: unavailable with a reason, and the file is unharmed', async () => {
  if (!requireOrSkip(isRoot, 'root (to run a child as uid 65534)')) return;
  const dataDir = sharedDataDir();
  const opened = openStore({ dataDir, log: memoryLog() });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  recordListenerEvents(opened.db, [sampleEvent({ port: 9000 })]);
  opened.db.close();
  chmodSync(dataDir, 0o555);

  const { result, fact } = await recordAsNobody(dataDir);
  expect(result.ok).toBe(false);
  expect(result.reason).toMatch(/cannot be opened or created|read-only|permission denied/);
  expect(fact).toMatchObject({ id: 'history-unavailable', dataDir });

  chmodSync(dataDir, 0o755);
  const after = openStore({ dataDir, log: memoryLog() });
  if (after.status !== 'ok') throw new Error(after.reason);
  expect(after.db.prepare('SELECT port FROM listener_events').all()).toEqual([{ port: 9000 }]);
  after.db.close();
});

function canMountInNamespace(): boolean {
  return isRoot && spawnSync('unshare', ['-m', '--', 'true']).status === 0;
}

it('a full disk (a 1 MiB tmpfs in a private mount namespace) pauses recording, then resumes when space frees', async () => {
  if (!requireOrSkip(canMountInNamespace(), 'root and `unshare -m` (to mount a tiny tmpfs)')) return;
  const dataDir = tempDataDir();
  const run = startStoreChild(['fill', dataDir], {}, ['unshare', '-m', '--']);
  const exit = await run.exited;
  expect({ exit, stderr: run.stderr().replace(/^warn: .*\n/gm, '') }).toEqual({
    exit: { code: 0, signal: null },
    stderr: '',
  });
  const summary = JSON.parse(run.lines[0]!) as Record<string, unknown>;
  expect(summary.written).toBeGreaterThan(10);
  expect(summary.paused).toMatch(/the disk is full \(SQLITE_FULL/);
  expect(summary.fact).toMatchObject({ id: 'history-unavailable', reason: summary.paused });
  // While paused, a write is refused with the reason instead of touching the disk.
  expect(summary.whilePaused).toEqual({ ok: false, reason: summary.paused });
  // After space was freed and the retry delay passed: recording works again and the fact is gone.
  expect(summary.resumed).toBe(true);
  expect(summary.newest).toEqual({ ok: true, value: 'after' });
  expect(summary.factAfter).toBeNull();
  expect(run.stderr()).toMatch(/warn: history recording paused: the disk is full/);
});
