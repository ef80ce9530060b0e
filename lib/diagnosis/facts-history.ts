import 'server-only';
import { host } from '@/lib/host';
import { listListeners } from '@/lib/host/listeners';
import type { ListenerTable } from '@/lib/host/listeners/types';
import { eventWithArgv } from '@/lib/history/event-fields';
import { readTargetObservation, writeTargetObservation } from '@/lib/history/observations';
import { unavailableFact } from '@/lib/history/query';
import { sameProgramApartFromPort } from '@/lib/history/same-program';
import type { HistoryFactValue, ListenerEvent, MovedListener, PortHistory } from '@/lib/history/types';
import { getStore, listenerEvents, type HistoryStore } from '@/lib/store';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Fact } from '@/lib/diagnosis/types';
import type { Target } from '@/lib/target';
import { outsideOrNull } from '@/lib/text/outside';

/** How far back a diagnosis looks: enough for "it worked this morning", few enough rows to read at once. */
export const HISTORY_WINDOW_MS = 24 * 60 * 60 * 1000;
export const HISTORY_WINDOW_LIMIT = 200;

export interface HistoryDeps {
  store: HistoryStore;
  /** The whole table (moved-port looks on every other port); the adapter's owner cache keeps it cheap. */
  listAll: () => Promise<ListenerTable>;
  cwdOf: (pid: number) => string | null;
  now: () => number;
}

function defaultDeps(): HistoryDeps {
  const adapter = host();
  return {
    store: getStore(),
    listAll: () => listListeners({}, adapter),
    cwdOf: (pid) => outsideOrNull(adapter.processCwd?.(pid), 1000),
    now: Date.now,
  };
}

/** Listeners on other ports now that are a program recorded on this port (and not on it now). */
async function findMoved(
  port: number,
  events: ListenerEvent[],
  holdersNow: Set<string>,
  deps: HistoryDeps,
): Promise<MovedListener[]> {
  const recorded = events.filter(
    (e) =>
      e.kind !== 'closed' && e.protocol === 'tcp' && e.command && !holdersNow.has(`${e.command}\0${e.cwd}`),
  );
  if (recorded.length === 0) return [];
  const table = await deps.listAll();
  const moved: MovedListener[] = [];
  const seen = new Set<string>();
  for (const listener of table.listeners) {
    if (listener.protocol !== 'tcp' || listener.port === port || listener.pid === null) continue;
    // The command line first: a host with a thousand listeners costs a readlink only for the few that match.
    const sameCommand = recorded.filter((e) =>
      sameProgramApartFromPort(e, { command: listener.command, cwd: e.cwd, port: listener.port }),
    );
    if (sameCommand.length === 0) continue;
    const cwd = deps.cwdOf(listener.pid);
    const match = sameCommand.find((e) =>
      sameProgramApartFromPort(e, { command: listener.command, cwd, port: listener.port }),
    );
    const key = `${listener.pid} ${listener.address} ${listener.port}`;
    if (!match || seen.has(key)) continue;
    seen.add(key);
    moved.push({ listener, cwd, recorded: match });
  }
  return moved;
}

async function readPortHistory(
  target: Target,
  listeners: Fact<ListenerTable>,
  deps: HistoryDeps,
): Promise<HistoryFactValue> {
  const paused = deps.store.unavailable();
  if (paused) return paused;
  const now = deps.now();
  const since = new Date(now - HISTORY_WINDOW_MS).toISOString();
  const read = deps.store.read((db) => ({
    events: listenerEvents(db, { port: target.port, since, limit: HISTORY_WINDOW_LIMIT }),
    previous: readTargetObservation(db, target.display),
  }));
  if (!read.ok) return unavailableFact(deps.store, read.reason);
  const holders =
    listeners.status === 'ok'
      ? listeners.value.listeners.filter((l) => l.protocol === 'tcp' && l.port === target.port)
      : [];
  const pids = holders.flatMap((l) => (l.pid === null ? [] : [l.pid]));
  // Only a diagnosis that found the holders replaces the last one: after "nothing listens", the restart
  // that follows is still compared with the pids that held the port before it went away.
  if (pids.length > 0)
    deps.store.write((db) => writeTargetObservation(db, target.display, { at: now, pids }));
  // The API's fields, and the argument list "start it again" runs (a joined command cannot be split back).
  const events = read.value.events.map(eventWithArgv);
  const holdersNow = new Set(
    holders.map((l) => `${l.command}\0${l.pid === null ? null : deps.cwdOf(l.pid)}`),
  );
  const history: PortHistory = {
    port: target.port,
    events,
    window: { since, limit: HISTORY_WINDOW_LIMIT },
    moved: await findMoved(target.port, events, holdersNow, deps),
    previous: read.value.previous,
  };
  return history;
}

/** The target port's memory: its recent events, where its program listens now, the pids at its last diagnosis. */
export function historyFact(
  target: Target,
  listeners: Fact<ListenerTable>,
  deps: HistoryDeps = defaultDeps(),
): Promise<Fact<HistoryFactValue>> {
  return timedFact(`recorded history in ${deps.store.dataDir}`, 4000, () =>
    readPortHistory(target, listeners, deps),
  );
}
