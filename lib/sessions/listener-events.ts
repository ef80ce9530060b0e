/** What changed on the port between two listener readings during a recording. Pure. */
import type { Listener } from '@/lib/host/listeners/types';
import { hostPort } from '@/lib/net';
import type { RecordingEvent } from './entries';

const socketKey = (l: Listener) => `${l.protocol} ${hostPort(l.address, l.port)}`;

const event = (kind: RecordingEvent['kind'], l: Listener, at: string): RecordingEvent => ({
  at,
  kind,
  address: l.address,
  port: l.port,
  pid: l.pid,
  process: l.process,
  command: l.command,
});

export function recordingEvents(
  before: readonly Listener[],
  after: readonly Listener[],
  at: string,
): RecordingEvent[] {
  const old = new Map(before.map((l) => [socketKey(l), l]));
  const now = new Map(after.map((l) => [socketKey(l), l]));
  const events: RecordingEvent[] = [];
  for (const [key, l] of old) if (!now.has(key)) events.push(event('closed', l, at));
  for (const [key, l] of now) {
    const prev = old.get(key);
    if (!prev) events.push(event('opened', l, at));
    else if (prev.pid !== l.pid || prev.startedAt !== l.startedAt) events.push(event('owner-changed', l, at));
  }
  return events;
}
