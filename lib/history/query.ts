import 'server-only';
import { eventFields } from './event-fields';
import {
  listenerEvents,
  type HistoryStore,
  type HistoryUnavailableFact,
  type ListenerEvent,
} from '@/lib/store';

export const DEFAULT_HISTORY_LIMIT = 200;
export const MAX_HISTORY_LIMIT = 1000;

export type PortEventsResult =
  { ok: true; events: ListenerEvent[] } | { ok: false; unavailable: HistoryUnavailableFact };

/** The fact a failed read leaves behind, or one built from the reason when the store reopened meanwhile. */
export function unavailableFact(store: HistoryStore, reason: string): HistoryUnavailableFact {
  const now = new Date().toISOString();
  return (
    store.unavailable() ?? {
      id: 'history-unavailable',
      dataDir: store.dataDir,
      reason,
      since: now,
      retryAt: now,
    }
  );
}

/** A port's recorded events, newest first, as the API and the CLI show them (without the row id). */
export function portEvents(
  store: HistoryStore,
  { port, since, limit = DEFAULT_HISTORY_LIMIT }: { port: number; since?: string; limit?: number },
): PortEventsResult {
  const read = store.read((db) => listenerEvents(db, { port, since, limit }));
  if (!read.ok) return { ok: false, unavailable: unavailableFact(store, read.reason) };
  return { ok: true, events: read.value.map(eventFields) };
}
