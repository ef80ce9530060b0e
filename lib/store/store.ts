import 'server-only';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { dataDirFor } from './data-dir';
import { openStore, type StoreLog } from './open-store';
import { storageFailureReason } from './storage-errors';
import { host } from '@/lib/host';

export type StoreResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What the diagnosis shows when recording is paused: the reason and when it tries again. */
export interface HistoryUnavailableFact {
  id: 'history-unavailable';
  dataDir: string;
  reason: string;
  since: string;
  retryAt: string;
}

export interface HistoryStore {
  readonly dataDir: string;
  /** Runs fn on the database. Disk trouble (read-only, full, I/O) pauses the store and comes back as a reason. */
  write<T>(fn: (db: Database.Database) => T): StoreResult<T>;
  /** The same guard for reads: a failing disk is a reason to show, never a 5xx. */
  read<T>(fn: (db: Database.Database) => T): StoreResult<T>;
  /** null while recording works; the fact to show while it is paused. */
  unavailable(): HistoryUnavailableFact | null;
  close(): void;
}

export interface StoreOptions {
  dataDir: string;
  log: StoreLog;
  /** How long a paused store waits before it tries the disk again. */
  retryMs?: number;
  now?: () => number;
}

type State =
  | { status: 'ok'; db: Database.Database }
  | { status: 'unavailable'; reason: string; since: number; retryAt: number }
  | { status: 'closed' };

export function createStore({ dataDir, log, retryMs = 30_000, now = Date.now }: StoreOptions): HistoryStore {
  let state: State = { status: 'unavailable', reason: 'not opened yet', since: now(), retryAt: 0 };

  const pause = (reason: string) => {
    const at = now();
    log.warn(`history recording paused: ${reason}; retrying in ${Math.round(retryMs / 1000)} s`);
    state = { status: 'unavailable', reason, since: at, retryAt: at + retryMs };
  };

  const current = (): State => {
    if (state.status === 'unavailable' && now() >= state.retryAt) {
      const opened = openStore({ dataDir, log });
      if (opened.status === 'ok') state = { status: 'ok', db: opened.db };
      else pause(opened.reason);
    }
    return state;
  };

  const guarded = <T>(fn: (db: Database.Database) => T): StoreResult<T> => {
    const s = current();
    if (s.status === 'closed') return { ok: false, reason: 'the history store is closed' };
    if (s.status === 'unavailable') return { ok: false, reason: s.reason };
    try {
      return { ok: true, value: fn(s.db) };
    } catch (err) {
      const reason = storageFailureReason(err);
      if (reason === null) throw err;
      try {
        s.db.close();
      } catch {
        // The handle is being dropped either way; the reopen on retry starts from a clean one.
      }
      pause(reason);
      return { ok: false, reason };
    }
  };

  return {
    dataDir,
    write: guarded,
    read: guarded,
    unavailable() {
      const s = current();
      if (s.status !== 'unavailable') return null;
      return {
        id: 'history-unavailable',
        dataDir,
        reason: s.reason,
        since: new Date(s.since).toISOString(),
        retryAt: new Date(s.retryAt).toISOString(),
      };
    },
    close() {
      if (state.status === 'ok') state.db.close();
      state = { status: 'closed' };
    },
  };
}

const consoleLog: StoreLog = { warn: (message) => console.warn(`[localhost-doctor] ${message}`) };

// On globalThis so that Next's dev reloads (which re-evaluate modules) still share one handle per directory.
const registry = globalThis as typeof globalThis & { __localhostDoctorStores?: Map<string, HistoryStore> };

/** The process-wide store for this environment's DATA_DIR: one handle per directory, opened on first use. */
export function getStore(env: NodeJS.ProcessEnv = process.env, platform = host().platform): HistoryStore {
  const dataDir = resolve(dataDirFor(env, platform, homedir()));
  const stores = (registry.__localhostDoctorStores ??= new Map());
  let store = stores.get(dataDir);
  if (!store) {
    const created = createStore({ dataDir, log: consoleLog });
    store = {
      ...created,
      close() {
        created.close();
        stores.delete(dataDir);
      },
    };
    stores.set(dataDir, store);
  }
  return store;
}
