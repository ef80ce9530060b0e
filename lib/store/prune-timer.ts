import 'server-only';
import type { RetentionConfig } from './retention-config';
import { pruneHistory, type PruneReport } from './prune-history';
import type { HistoryStore } from './store';

export interface PruneTimer {
  stop(): void;
}

/**
 * Prunes in the background: once shortly after start, then every intervalMs. The timer is unref'd, so it
 * never keeps a process (a CLI run, a test) alive; a paused store skips the round and tries again next time.
 */
export function startHistoryPruning(
  store: HistoryStore,
  {
    retention,
    intervalMs = 10 * 60 * 1000,
    firstDelayMs = 30 * 1000,
    onPruned,
  }: {
    retention: RetentionConfig;
    intervalMs?: number;
    firstDelayMs?: number;
    onPruned?: (report: PruneReport) => void;
  },
): PruneTimer {
  let interval: NodeJS.Timeout | undefined;
  const round = () => {
    const result = store.write((db) => pruneHistory(db, retention));
    if (result.ok) onPruned?.(result.value);
  };
  const first = setTimeout(() => {
    round();
    interval = setInterval(round, intervalMs);
    interval.unref();
  }, firstDelayMs);
  first.unref();
  return {
    stop() {
      clearTimeout(first);
      if (interval) clearInterval(interval);
    },
  };
}
