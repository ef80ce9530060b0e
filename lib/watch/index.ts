import 'server-only';
import { getStore } from '@/lib/store';
import { createWatchScheduler, type WatchScheduler } from './scheduler';

export { createWatchScheduler, type WatchScheduler, type Sampler } from './scheduler';
export { sampleTarget, type TargetSample, type SampleResult } from './sample';
export { canonicalWatchTarget } from './target';
export { flipsOf, type Flip } from './flips';
export { verdictOf } from './verdict';

// On globalThis: instrumentation and every route bundle are separate module graphs in one server process,
// and there must be one timer per watch in it, not one per bundle.
const g = globalThis as typeof globalThis & {
  __localhostDoctorWatches?: Map<string, { scheduler: WatchScheduler; synced: boolean }>;
};

/** The server's scheduler for this DATA_DIR, started on first use with every stored watch. */
export function watchScheduler(): WatchScheduler {
  const store = getStore();
  const all = (g.__localhostDoctorWatches ??= new Map());
  let entry = all.get(store.dataDir);
  if (!entry) {
    entry = { scheduler: createWatchScheduler(store), synced: false };
    all.set(store.dataDir, entry);
  }
  // A store paused at start (read-only disk) is asked again on later uses until it answers.
  if (!entry.synced) entry.synced = entry.scheduler.sync();
  return entry.scheduler;
}
