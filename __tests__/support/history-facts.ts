// Fixture history for the memory checks: recorded events and the facts.history that holds them.
import type { Fact, Facts } from '@/lib/diagnosis/types';
import type { HistoryFactValue, ListenerEvent, MovedListener, PortHistory } from '@/lib/history/types';
import { ok } from '@/__tests__/support/facts';

/** facts.gatheredAt in makeFacts: events are placed relative to it. */
export const NOW = '2026-11-26T05:30:00.000Z';

export function minutesBefore(minutes: number, now = NOW): string {
  return new Date(Date.parse(now) - minutes * 60_000).toISOString();
}

export function recorded(
  kind: ListenerEvent['kind'],
  minutesAgo: number,
  over: Partial<ListenerEvent> = {},
): ListenerEvent {
  return {
    at: minutesBefore(minutesAgo),
    kind,
    protocol: 'tcp',
    address: '127.0.0.1',
    port: 3000,
    family: 'IPv4',
    pid: 812,
    process: 'node',
    command: 'node server.js',
    cwd: '/home/dev/app',
    user: 'dev',
    startedAt: '2026-11-26T05:00:00.000Z',
    ...over,
  };
}

export function portHistory(over: Partial<PortHistory> = {}): PortHistory {
  return {
    port: 3000,
    events: [],
    window: { since: minutesBefore(24 * 60), limit: 200 },
    moved: [],
    previous: null,
    ...over,
  };
}

export function withHistory(facts: Facts, value: HistoryFactValue | Fact<HistoryFactValue>): Facts {
  const fact = 'status' in value ? value : ok(value, 'recorded history in /tmp/ld-data');
  return { ...facts, history: fact };
}

export function moved(listener: MovedListener['listener'], recordedEvent: ListenerEvent): MovedListener {
  return { listener, cwd: recordedEvent.cwd, recorded: recordedEvent };
}
