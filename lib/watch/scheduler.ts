import 'server-only';
import { parseTarget } from '@/lib/target';
import { listWatches, recordWatchSample, type HistoryStore, type Watch, type WatchSample } from '@/lib/store';
import { sampleTarget, type SampleResult, type TargetSample } from './sample';

export type Sampler = (input: string, port: number) => Promise<SampleResult>;

export interface SchedulerOptions {
  sample?: Sampler;
  /** Called after each sample was taken (whether or not the store took it), for the CLI and /metrics. */
  onSample?: (watch: Watch, sample: TargetSample, previous: TargetSample | null) => void;
  /** Keep the process alive while watching (the CLI); a server lets its own sockets do that. */
  keepAlive?: boolean;
}

interface Running {
  watch: Watch;
  port: number;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
  last: TargetSample | null;
}

export interface WatchScheduler {
  /** Starts sampling the watch now, then every intervalSeconds; a watch already running is left alone. */
  add(watch: Watch): void;
  /** Stops at once: no further sample, and one in flight is not recorded. */
  remove(id: string): void;
  /** Runs exactly the watches the store holds (another process may have added or deleted some); false when paused. */
  sync(): boolean;
  /** The latest sample this process took of each running watch. */
  lastSamples(): Map<string, TargetSample>;
  stopAll(): void;
}

/** A timer chain per watch: one slow target delays only its own next sample, never another watch's. */
export function createWatchScheduler(store: HistoryStore, options: SchedulerOptions = {}): WatchScheduler {
  const sample = options.sample ?? sampleTarget;
  const running = new Map<string, Running>();

  const record = (r: Running, s: TargetSample) => {
    const row: WatchSample = {
      watchId: r.watch.id,
      at: s.at,
      up: s.up,
      connectMs: s.connectMs,
      ttfbMs: s.ttfbMs,
      status: s.status,
      connections: s.connections,
      error: s.error,
    };
    try {
      // A paused store comes back as a reason; the sample is lost and the next one tries again.
      store.write((db) => recordWatchSample(db, row));
    } catch {
      // Not a disk failure: the watch row is gone (deleted by another instance; foreign key). Stop it.
      stop(r);
    }
  };

  const stop = (r: Running) => {
    r.stopped = true;
    if (r.timer) clearTimeout(r.timer);
    r.timer = null;
    running.delete(r.watch.id);
  };

  const tick = async (r: Running) => {
    r.timer = null;
    const started = Date.now();
    let result: SampleResult;
    try {
      result = await sample(r.watch.target, r.port);
    } catch (err) {
      result = { ok: false, status: 400, error: { code: 'probe-failed', message: String(err) } };
    }
    if (r.stopped) return;
    if (result.ok) {
      record(r, result.sample);
      if (r.stopped) return;
      const previous = r.last;
      r.last = result.sample;
      options.onSample?.(r.watch, result.sample, previous);
    }
    // A target the policy now refuses (hosts file changed) is simply not sampled this round.
    schedule(r, Math.max(0, r.watch.intervalSeconds * 1000 - (Date.now() - started)));
  };

  const schedule = (r: Running, delayMs: number) => {
    if (r.stopped) return;
    r.timer = setTimeout(() => void tick(r), delayMs);
    if (!options.keepAlive) r.timer.unref();
  };

  const add = (watch: Watch) => {
    if (running.has(watch.id)) return;
    const parsed = parseTarget(watch.target);
    if (!parsed.ok) return;
    const r: Running = { watch, port: parsed.target.port, timer: null, stopped: false, last: null };
    running.set(watch.id, r);
    schedule(r, 0);
  };

  return {
    add,
    remove(id) {
      const r = running.get(id);
      if (r) stop(r);
    },
    sync() {
      const stored = store.read((db) => listWatches(db));
      if (!stored.ok) return false;
      const ids = new Set(stored.value.map((w) => w.id));
      for (const r of [...running.values()]) if (!ids.has(r.watch.id)) stop(r);
      for (const w of stored.value) add(w);
      return true;
    },
    lastSamples() {
      const out = new Map<string, TargetSample>();
      for (const [id, r] of running) if (r.last) out.set(id, r.last);
      return out;
    },
    stopAll() {
      for (const r of [...running.values()]) stop(r);
    },
  };
}
