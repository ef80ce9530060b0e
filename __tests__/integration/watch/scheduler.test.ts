/**
 * The watch scheduler against real servers: a child HTTP server on a port proven free goes down and comes
 * back, and the samples (in a real SQLite file in a temp DATA_DIR) show up → down → up with the reason.
 */
import net from 'node:net';
import { freePort } from '@/__tests__/support/app-server';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { absenceWindow } from '@/__tests__/support/timing';
import { createStore, type HistoryStore } from '@/lib/store/store';
import { createWatch, watchSamples, watchStatus, type Watch } from '@/lib/store/watches';
import { createWatchScheduler, type WatchScheduler } from '@/lib/watch/scheduler';
import { flipsOf } from '@/lib/watch/flips';
import type { TargetSample } from '@/lib/watch/sample';
import { memoryLog, removeTempDataDirs, tempDataDir } from '../store/store-support';

let store: HistoryStore;
let scheduler: WatchScheduler | undefined;
const servers: ChildServer[] = [];
const sockets: { server: net.Server; held: Set<net.Socket> }[] = [];

beforeEach(() => {
  store = createStore({ dataDir: tempDataDir(), log: memoryLog() });
});
afterEach(async () => {
  scheduler?.stopAll();
  store.close();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  // close() stops accepting and waits for open connections, which this side then drops.
  await Promise.all(
    sockets.splice(0).map(
      ({ server, held }) =>
        new Promise((r) => {
          server.close(r);
          held.forEach((c) => c.destroy());
        }),
    ),
  );
  removeTempDataDirs();
});

function watchOf(target: string, intervalSeconds = 1): Watch {
  const w = store.write((db) => createWatch(db, { target, intervalSeconds }));
  if (!w.ok) throw new Error(w.reason);
  return w.value;
}

/** Resolves with the first sample of `watchId` that satisfies `pred`, as the scheduler reports it. */
function sampler(): {
  next(watchId: string, pred: (s: TargetSample) => boolean, ms?: number): Promise<TargetSample>;
} {
  const waiters: { id: string; pred: (s: TargetSample) => boolean; resolve: (s: TargetSample) => void }[] =
    [];
  scheduler = createWatchScheduler(store, {
    onSample: (w, s) => {
      for (const waiter of [...waiters])
        if (waiter.id === w.id && waiter.pred(s)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(s);
        }
    },
  });
  return {
    next: (id, pred, ms = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching sample of ${id} in ${ms} ms`)), ms);
        waiters.push({ id, pred, resolve: (s) => (clearTimeout(timer), resolve(s)) });
      }),
  };
}

it('a server that stops and starts again is sampled up, down (refused), up — and the flips come from the samples', async () => {
  const port = await freePort();
  servers.push(await startChildHttpServer({ port, status: 200 }));
  const samples = sampler();
  const watch = watchOf(`127.0.0.1:${port}`);
  scheduler!.add(watch);

  const up = await samples.next(watch.id, (s) => s.up);
  expect(up).toMatchObject({ up: true, status: 200, error: null });
  expect(up.connectMs).toBeGreaterThanOrEqual(0);
  expect(up.ttfbMs).toBeGreaterThan(0);

  await servers.pop()!.stop();
  const down = await samples.next(watch.id, (s) => !s.up);
  expect(down).toMatchObject({ up: false, status: null, connectMs: null });
  expect(down.error).toBe('ECONNREFUSED on 127.0.0.1');

  servers.push(await startChildHttpServer({ port, status: 200 }));
  await samples.next(watch.id, (s) => s.up);

  const stored = store.read((db) => watchSamples(db, { watchId: watch.id }));
  if (!stored.ok) throw new Error(stored.reason);
  expect(flipsOf(stored.value).map((f) => [f.from, f.to])).toEqual([
    [null, 'up'],
    ['up', 'down'],
    ['down', 'up'],
  ]);
  expect(flipsOf(stored.value)[1]!.error).toBe('ECONNREFUSED on 127.0.0.1');
  const status = store.read((db) =>
    watchStatus(db, { watchId: watch.id, uptimeSince: '2000-01-01T00:00:00Z' }),
  );
  if (!status.ok) throw new Error(status.reason);
  expect(status.value.state).toBe('up');
  expect(status.value.since).toBe(flipsOf(stored.value)[2]!.at);
  expect(status.value.uptimePercent).toBeGreaterThan(0);
  expect(status.value.uptimePercent).toBeLessThan(100);
}, 60_000);

it('a server answering 502 is down with "HTTP 502"; the port\'s connections are counted by state', async () => {
  const server = await startChildHttpServer({ status: 502 });
  servers.push(server);
  const samples = sampler();
  const watch = watchOf(`127.0.0.1:${server.port}`);
  scheduler!.add(watch);
  const s = await samples.next(watch.id, () => true);
  expect(s).toMatchObject({ up: false, status: 502, error: 'HTTP 502' });
  expect(s.connections).not.toBeNull();
  expect(typeof s.connections).toBe('object');
}, 30_000);

it('a target that accepts and never answers does not delay another watch; a deleted watch stops at once', async () => {
  // Accepts connections and never says a word: each sample of it waits for the probe's timeouts.
  const held = new Set<net.Socket>();
  const silent = net.createServer((c) => {
    held.add(c);
    c.on('close', () => held.delete(c));
  });
  sockets.push({ server: silent, held });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const silentPort = (silent.address() as net.AddressInfo).port;
  const fast = await startChildHttpServer({ status: 200 });
  servers.push(fast);

  const samples = sampler();
  const slowWatch = watchOf(`127.0.0.1:${silentPort}`);
  const fastWatch = watchOf(`127.0.0.1:${fast.port}`);
  scheduler!.add(slowWatch);
  scheduler!.add(fastWatch);
  const firstSlow = await samples.next(slowWatch.id, () => true);
  expect(firstSlow.durationMs).toBeGreaterThan(1000);

  const count = (id: string) => {
    const r = store.read((db) => watchSamples(db, { watchId: id }).length);
    if (!r.ok) throw new Error(r.reason);
    return r.value;
  };
  const fastBefore = count(fastWatch.id);
  const slowBefore = count(slowWatch.id);
  await absenceWindow(4000);
  // At 1 s intervals the fast watch keeps its pace (≥ 3 in 4 s even on a loaded machine) while the slow
  // one spends seconds per sample.
  expect(count(fastWatch.id) - fastBefore).toBeGreaterThanOrEqual(3);
  expect(count(fastWatch.id) - fastBefore).toBeGreaterThan(count(slowWatch.id) - slowBefore);

  scheduler!.remove(fastWatch.id);
  const afterDelete = count(fastWatch.id);
  await absenceWindow(2500);
  expect(count(fastWatch.id)).toBe(afterDelete);
}, 60_000);
