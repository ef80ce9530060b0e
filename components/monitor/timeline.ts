import { flipsOf } from '@/lib/watch/flips';
import type { HistoryEventView, SampleView } from './types';

export interface TimelineEntry {
  at: string;
  kind: 'opened' | 'closed' | 'owner-changed' | 'up' | 'down';
  text: string;
}

function owner(e: HistoryEventView): string {
  const who = e.process ? `${e.process}${e.pid !== null ? ` (pid ${e.pid})` : ''}` : 'an unreadable owner';
  return `${who} on ${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port}`;
}

/** The port's story, newest first: listener events from history and the watch's up/down flips. */
export function timelineOf(
  events: readonly HistoryEventView[],
  samples: readonly SampleView[],
): TimelineEntry[] {
  const fromHistory: TimelineEntry[] = events.map((e) => ({
    at: e.at,
    kind: e.kind,
    text:
      e.kind === 'opened'
        ? `Opened by ${owner(e)}`
        : e.kind === 'closed'
          ? `Closed: ${owner(e)} stopped listening`
          : `Owner changed: now ${owner(e)}`,
  }));
  const fromWatch: TimelineEntry[] = flipsOf(samples).map((f) => ({
    at: f.at,
    kind: f.to,
    text:
      f.to === 'down'
        ? `Watch: down${f.error ? ` — ${f.error}` : ''}`
        : f.from === null
          ? 'Watch: up'
          : 'Watch: up again',
  }));
  return [...fromHistory, ...fromWatch].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
