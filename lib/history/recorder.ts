import 'server-only';
import type { ListenerTable } from '@/lib/host/listeners/types';
import { recordListenerEvents, type HistoryStore, type ListenerEvent } from '@/lib/store';
import { diffListeners, tableSignature } from './diff';
import { applyListenerState, readListenerState } from './listener-state';

export interface RecorderDeps {
  store: HistoryStore;
  sampleMs: number;
  /** The whole listener table (the host adapter's listing: its inode → owner cache keeps a repeat cheap). */
  list: () => Promise<ListenerTable>;
  cwdOf: (pid: number) => string | null;
  log: { warn(message: string): void };
  now?: () => number;
}

export interface SampleReport {
  /** 'unchanged': the table and the database were as last time, so nothing was read from or written to it. */
  outcome: 'recorded' | 'unchanged' | 'listing-failed' | 'store-paused';
  events: ListenerEvent[];
}

export interface Recorder {
  /** Takes one sample now (the timer's samples never overlap with it). */
  sampleNow(): Promise<SampleReport>;
  stop(): void;
}

/**
 * Samples the listener table every `sampleMs` and records what changed: opened, closed, owner-changed. The
 * comparison is with the baseline in the database (listener_state), inside one write transaction, so a
 * restarted app records no duplicates and two instances on one DATA_DIR record each change once.
 * A sample whose table equals the previous one, while no other connection wrote to the database
 * (PRAGMA data_version), touches the database not at all: the usual sample costs one listing.
 * Never throws into the server: a failed listing skips the sample, a paused store pauses recording.
 */
export function startRecorder({ store, sampleMs, list, cwdOf, log, now = Date.now }: RecorderDeps): Recorder {
  let lastSignature: string | null = null;
  let lastDataVersion: number | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<SampleReport> | null = null;
  let warnedBug = false;

  const dataVersion = (): number | null => {
    const v = store.read((db) => db.pragma('data_version', { simple: true }) as number);
    return v.ok ? v.value : null;
  };

  const sample = async (): Promise<SampleReport> => {
    let table: ListenerTable;
    try {
      table = await list();
    } catch {
      return { outcome: 'listing-failed', events: [] };
    }
    // A source file that could not be read would make its listeners look closed: skip such a sample.
    if (table.warnings.some((w) => w.startsWith('could not read')))
      return { outcome: 'listing-failed', events: [] };
    const signature = tableSignature(table.listeners);
    if (signature === lastSignature && lastDataVersion !== null && dataVersion() === lastDataVersion)
      return { outcome: 'unchanged', events: [] };
    const at = new Date(now()).toISOString();
    const written = store.write((db) =>
      db
        .transaction(() => {
          const change = diffListeners(readListenerState(db), table.listeners, at, cwdOf);
          if (change.events.length > 0) recordListenerEvents(db, change.events);
          applyListenerState(db, change);
          return change.events;
        })
        // IMMEDIATE: the baseline is read under the write lock, so another instance cannot record the same change.
        .immediate(),
    );
    if (!written.ok) {
      lastSignature = null;
      return { outcome: 'store-paused', events: [] };
    }
    lastSignature = signature;
    lastDataVersion = dataVersion();
    return { outcome: 'recorded', events: written.value };
  };

  const guardedSample = (): Promise<SampleReport> => {
    inFlight ??= sample()
      .catch((err: unknown) => {
        // A bug, not the disk (the store turns disk trouble into a pause): say it once, keep the server up.
        if (!warnedBug) log.warn(`history recorder: ${err instanceof Error ? err.message : String(err)}`);
        warnedBug = true;
        lastSignature = null;
        return { outcome: 'listing-failed' as const, events: [] };
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void guardedSample().finally(schedule);
    }, sampleMs);
    timer.unref();
  };

  // The first sample right away: it records the table as it is at start (the baseline "was-listening" needs).
  void guardedSample().finally(schedule);

  return {
    sampleNow: guardedSample,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
