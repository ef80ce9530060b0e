import 'server-only';
import type { ListenerTable } from '@/lib/host/listeners/types';
import { recordListenerEvents, type HistoryStore, type ListenerEvent } from '@/lib/store';
import { diffListeners, listenerKey, tableSignature } from './diff';
import {
  applyListenerState,
  baselineListedAt,
  readListenerState,
  setBaselineListedAt,
} from './listener-state';

/** Samples in a row a new socket may show no owner before it is recorded without one. */
const UNOWNED_SAMPLES = 3;

export interface RecorderDeps {
  store: HistoryStore;
  sampleMs: number;
  /** The whole listener table (the host adapter's listing: its inode → owner cache keeps a repeat cheap). */
  list: () => Promise<ListenerTable>;
  cwdOf: (pid: number) => string | null;
  /**
   * A cheap answer to "did any socket open or close?" (Linux: the listening inodes). When it is unchanged
   * the full listing is skipped while every owner still runs, and runs every `fullEvery` samples anyway (an owner that handed its socket over and kept running).
   */
  quickSignature?: () => string | null;
  /** Whether a pid still runs (a signal 0): an owner that exited means a socket may have changed owner. */
  ownerAlive?: (pid: number) => boolean;
  fullEvery?: number;
  log: { warn(message: string): void };
  now?: () => number;
}

export interface SampleReport {
  /** 'unchanged': the table and the database were as last time, so nothing was read from or written to it. */
  /** 'stale': another instance applied a listing started after this one, so this one was dropped. */
  outcome: 'recorded' | 'unchanged' | 'stale' | 'listing-failed' | 'store-paused';
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
export function startRecorder({
  store,
  sampleMs,
  list,
  cwdOf,
  quickSignature,
  ownerAlive = () => true,
  fullEvery = 30,
  log,
  now = Date.now,
}: RecorderDeps): Recorder {
  let lastQuick: string | null = null;
  let sinceFull = 0;
  /** The owners the last full listing saw: while they all run and no inode changed, nothing did. */
  let owners: number[] = [];
  let lastSignature: string | null = null;
  let lastDataVersion: number | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<SampleReport> | null = null;
  let warnedBug = false;
  /** New sockets without a readable owner, by key: how many samples in a row saw them so. */
  const unowned = new Map<string, number>();

  const dataVersion = (): number | null => {
    const v = store.read((db) => db.pragma('data_version', { simple: true }) as number);
    return v.ok ? v.value : null;
  };

  // An owner is usually found in the sample that first sees its socket; one that stays hidden for a few
  // samples (another user's process, another PID namespace) is recorded as it is, owner unknown.
  const countUnowned = (table: ListenerTable) => {
    const seen = new Set<string>();
    for (const l of table.listeners) {
      if (l.pid !== null) continue;
      const key = listenerKey(l);
      seen.add(key);
      unowned.set(key, (unowned.get(key) ?? 0) + 1);
    }
    for (const key of unowned.keys()) if (!seen.has(key)) unowned.delete(key);
  };
  const recordUnowned = (key: string) => (unowned.get(key) ?? 0) >= UNOWNED_SAMPLES;
  const waitingForOwner = () => [...unowned.values()].some((n) => n < UNOWNED_SAMPLES);

  const sample = async (): Promise<SampleReport> => {
    const quick = quickSignature?.() ?? null;
    const settled =
      lastSignature !== null && lastDataVersion !== null && sinceFull < fullEvery && !waitingForOwner();
    if (
      quick !== null &&
      quick === lastQuick &&
      settled &&
      owners.every(ownerAlive) &&
      dataVersion() === lastDataVersion
    ) {
      sinceFull++;
      return { outcome: 'unchanged', events: [] };
    }
    sinceFull = 0;
    lastQuick = null;
    // Taken before the listing starts: the table reflects the sockets at some moment after this.
    const listedAt = now();
    let table: ListenerTable;
    try {
      table = await list();
    } catch {
      return { outcome: 'listing-failed', events: [] };
    }
    // A source file that could not be read would make its listeners look closed: skip such a sample.
    if (table.warnings.some((w) => w.startsWith('could not read')))
      return { outcome: 'listing-failed', events: [] };
    countUnowned(table);
    owners = [...new Set(table.listeners.flatMap((l) => (l.pid === null ? [] : [l.pid])))];
    const signature = tableSignature(table.listeners);
    if (signature === lastSignature && lastDataVersion !== null && dataVersion() === lastDataVersion) {
      lastQuick = quick;
      return { outcome: 'unchanged', events: [] };
    }
    const at = new Date(now()).toISOString();
    const written = store.write((db) =>
      db
        .transaction(() => {
          // Another instance saw a newer table while this listing ran: applying this one would undo its
          // changes (re-open what it closed), recorded twice. Its view stands; the next sample is fresh.
          if (baselineListedAt(db) > listedAt) return null;
          const change = diffListeners(readListenerState(db), table.listeners, at, cwdOf, recordUnowned);
          // No change, no write: a commit would wake every other instance's next sample for nothing.
          if (change.events.length === 0 && change.upserted.length === 0) return change.events;
          recordListenerEvents(db, change.events);
          applyListenerState(db, change);
          setBaselineListedAt(db, listedAt);
          return change.events;
        })
        // IMMEDIATE: the baseline is read under the write lock, so another instance cannot record the same change.
        .immediate(),
    );
    if (!written.ok) {
      lastSignature = null;
      return { outcome: 'store-paused', events: [] };
    }
    if (written.value === null) {
      lastSignature = null;
      return { outcome: 'stale', events: [] };
    }
    lastSignature = signature;
    lastDataVersion = dataVersion();
    lastQuick = quick;
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
