import 'server-only';
import { randomUUID } from 'node:crypto';
import { diagnose, probeOnly } from '@/lib/diagnosis';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import { listListeners, type Listener } from '@/lib/host/listeners';
import type { RecordingEvent, RecordingPayload, RecordingProbe } from './entries';
import { recordingEvents } from './listener-events';

/** How often a recording reads the port's listeners and probes the target. */
export const RECORDING_INTERVAL_MS = 1000;
/** A recording nobody stops ends on its own: the person went away, the server should not probe forever. */
export const RECORDING_MAX_MS = 10 * 60_000;
// One reading per second for ten minutes is 600 probes; the caps only bite on a port that flaps constantly.
const MAX_PROBES = 700;
const MAX_EVENTS = 1000;
/** Recordings running at once in this server, all sessions together: each probes its target every second. */
export const MAX_ACTIVE_RECORDINGS = 4;

export interface ActiveRecording {
  id: string;
  sessionId: string;
  target: string;
  intent: Intent;
  startedAt: string;
  before: Diagnosis;
  events: RecordingEvent[];
  probes: RecordingProbe[];
  listeners: Listener[];
  timer: NodeJS.Timeout | null;
  deadline: NodeJS.Timeout;
  /** The reading in flight, so stop waits for it instead of racing it. */
  tick: Promise<void> | null;
  stopping: boolean;
}

/** What to do with a finished recording (append it to the session); the recorder itself never writes. */
export type RecordingSink = (sessionId: string, payload: RecordingPayload) => void;

export type StartOutcome =
  | { ok: true; recording: ActiveRecording }
  | { ok: false; status: 400 | 403 | 409; code: string; message: string };

const ALREADY_RECORDING = {
  ok: false,
  status: 409,
  code: 'recording-running',
  message: 'This session is already recording; stop that recording first.',
} as const satisfies StartOutcome;

const TOO_MANY_RECORDINGS = {
  ok: false,
  status: 409,
  code: 'too-many-recordings',
  message: `${MAX_ACTIVE_RECORDINGS} recordings are running already (in this or other sessions); stop one first.`,
} as const satisfies StartOutcome;

export type StopOutcome =
  { ok: true; payload: RecordingPayload } | { ok: false; status: 404; code: string; message: string };

// On globalThis: Next bundles each route separately, and start and stop must see the same recordings.
const registry = globalThis as typeof globalThis & {
  __localhostDoctorRecordings?: Map<string, ActiveRecording>;
};
const active = (): Map<string, ActiveRecording> => (registry.__localhostDoctorRecordings ??= new Map());

export function activeRecording(sessionId: string): ActiveRecording | null {
  return active().get(sessionId) ?? null;
}

async function portListeners(port: number): Promise<Listener[]> {
  try {
    return (await listListeners({ port })).listeners.filter((l) => l.port === port);
  } catch {
    return [];
  }
}

async function readOnce(rec: ActiveRecording): Promise<void> {
  const at = new Date().toISOString();
  const [listeners, probe] = await Promise.all([
    portListeners(rec.before.target.port),
    probeOnly(rec.target).catch(() => null),
  ]);
  const changes = recordingEvents(rec.listeners, listeners, at);
  rec.listeners = listeners;
  if (rec.events.length < MAX_EVENTS) rec.events.push(...changes.slice(0, MAX_EVENTS - rec.events.length));
  if (rec.probes.length >= MAX_PROBES) return;
  if (!probe || !probe.ok) {
    rec.probes.push({ at, up: false, connectMs: null, status: null });
    return;
  }
  const open = probe.attempts.find((a) => a.outcome === 'open');
  rec.probes.push({
    at,
    up: Boolean(open),
    connectMs: open ? open.timeMs : null,
    status: probe.application?.http?.status ?? null,
  });
}

function schedule(rec: ActiveRecording): void {
  rec.timer = setTimeout(() => {
    rec.tick = readOnce(rec).finally(() => {
      rec.tick = null;
      if (!rec.stopping) schedule(rec);
    });
  }, RECORDING_INTERVAL_MS);
  rec.timer.unref();
}

/**
 * Takes the first snapshot (a whole diagnosis) and starts following the port's listeners and probing the
 * target every second, in this server process. One recording per session, and at most
 * MAX_ACTIVE_RECORDINGS in all, so no client can make the server probe without bound.
 */
export async function startRecording(
  sessionId: string,
  target: string,
  intent: Intent,
  sink: RecordingSink,
): Promise<StartOutcome> {
  if (active().has(sessionId)) return ALREADY_RECORDING;
  if (active().size >= MAX_ACTIVE_RECORDINGS) return TOO_MANY_RECORDINGS;
  const result = await diagnose(target, { intent });
  if (!result.ok) return { ok: false, status: result.status, ...result.error };
  // Checked again: two starts may have raced through the diagnosis.
  if (active().has(sessionId)) return ALREADY_RECORDING;
  if (active().size >= MAX_ACTIVE_RECORDINGS) return TOO_MANY_RECORDINGS;
  const before = result.diagnosis;
  const rec: ActiveRecording = {
    id: randomUUID(),
    sessionId,
    target,
    intent,
    startedAt: new Date().toISOString(),
    before,
    events: [],
    probes: [],
    listeners:
      before.facts.listeners.status === 'ok'
        ? before.facts.listeners.value.listeners.filter((l) => l.port === before.target.port)
        : [],
    timer: null,
    deadline: setTimeout(() => {
      void finishRecording(rec).then((payload) => sink(sessionId, payload));
    }, RECORDING_MAX_MS),
    tick: null,
    stopping: false,
  };
  rec.deadline.unref();
  active().set(sessionId, rec);
  schedule(rec);
  return { ok: true, recording: rec };
}

/** Stops the readings, takes the second snapshot and returns the recording's entry. */
async function finishRecording(rec: ActiveRecording): Promise<RecordingPayload> {
  rec.stopping = true;
  active().delete(rec.sessionId);
  if (rec.timer) clearTimeout(rec.timer);
  clearTimeout(rec.deadline);
  await rec.tick;
  const result = await diagnose(rec.target, { intent: rec.intent });
  // The target passed the policy a minute ago; if it no longer does, the first snapshot stands for both.
  const after = result.ok ? result.diagnosis : rec.before;
  const stoppedAt = new Date().toISOString();
  // Whatever changed between the last reading and the second snapshot is an event too.
  const last =
    after.facts.listeners.status === 'ok'
      ? after.facts.listeners.value.listeners.filter((l) => l.port === after.target.port)
      : rec.listeners;
  rec.events.push(...recordingEvents(rec.listeners, last, stoppedAt));
  return {
    startedAt: rec.startedAt,
    stoppedAt,
    before: rec.before,
    after,
    events: rec.events,
    probes: rec.probes,
  };
}

export async function stopRecording(sessionId: string, recordingId: string): Promise<StopOutcome> {
  const rec = active().get(sessionId);
  if (!rec || rec.id !== recordingId)
    return {
      ok: false,
      status: 404,
      code: 'recording-not-found',
      message:
        'No such recording is running in this session (it was stopped already, ran out its 10 minutes, or the app restarted).',
    };
  return { ok: true, payload: await finishRecording(rec) };
}
