/**
 * What changed on the port between two looks at its listeners: the Monitor step's log of what happened while
 * the page was open. Pure, so it is tested on plain arrays.
 */
import type { Listener } from '@/lib/host/listeners/types';
import { describeOwner } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';

export type ChangeKind = 'watching' | 'appeared' | 'vanished' | 'restarted';

export interface ChangeEvent {
  at: number;
  kind: ChangeKind;
  text: string;
}

const socketKey = (l: Listener) => `${l.protocol} ${hostPort(l.address, l.port)}`;
const where = (l: Listener) => `${hostPort(l.address, l.port)}${l.protocol === 'udp' ? ' (UDP)' : ''}`;

/**
 * A signature of who listens on `port` (socket and owner), to tell whether two listener tables describe the
 * same situation. Used to re-run the diagnosis when the live view disagrees with it.
 */
export function listenerSignature(listeners: readonly Listener[], port: number): string {
  return listeners
    .filter((l) => l.port === port)
    .map((l) => `${socketKey(l)} ${l.pid ?? '?'}`)
    .sort()
    .join('|');
}

export function describeNow(listeners: readonly Listener[], port: number, at: number): ChangeEvent {
  const on = listeners.filter((l) => l.port === port);
  const text =
    on.length === 0
      ? `Started watching: nothing listens on port ${port}.`
      : `Started watching: ${on.map((l) => `${describeOwner(l)} on ${where(l)}`).join('; ')}.`;
  return { at, kind: 'watching', text };
}

export function diffListeners(
  before: readonly Listener[],
  after: readonly Listener[],
  at: number,
): ChangeEvent[] {
  const old = new Map(before.map((l) => [socketKey(l), l]));
  const now = new Map(after.map((l) => [socketKey(l), l]));
  const events: ChangeEvent[] = [];
  for (const [key, l] of now) {
    const prev = old.get(key);
    if (!prev) {
      events.push({ at, kind: 'appeared', text: `${describeOwner(l)} started listening on ${where(l)}.` });
    } else if (prev.pid !== l.pid) {
      events.push({
        at,
        kind: 'restarted',
        text: `${where(l)} has a new owner: pid ${prev.pid ?? 'unknown'} → ${l.pid ?? 'unknown'} (${l.process ?? 'process'} restarted).`,
      });
    } else if (prev.inode !== undefined && l.inode !== undefined && prev.inode !== l.inode) {
      events.push({ at, kind: 'restarted', text: `${describeOwner(l)} reopened its socket on ${where(l)}.` });
    }
  }
  for (const [key, l] of old) {
    if (!now.has(key))
      events.push({ at, kind: 'vanished', text: `${describeOwner(l)} stopped listening on ${where(l)}.` });
  }
  return events;
}
