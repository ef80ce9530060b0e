/**
 * What a session's timeline holds, as the API shows it: `{ kind, at, seq, ...payload }`. The payload shapes
 * are the contract the case files (lib/cases) read too, so they are written down once, here.
 */
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';

export interface DiagnosisPayload {
  intent: Intent;
  diagnosis: Diagnosis;
}

export interface NotePayload {
  text: string;
}

export interface ActionPayload {
  action: 'stop-process' | 'free-port' | 'watch-started' | 'guide-step' | (string & {});
  text: string;
  pid?: number;
  port?: number;
  watchId?: string;
  step?: string;
}

export interface CopiedPayload {
  findingId: string | null;
  label: string;
  command: string;
  platform: string;
}

export type RecordingEventKind = 'opened' | 'closed' | 'owner-changed';

export interface RecordingEvent {
  at: string;
  kind: RecordingEventKind;
  address: string;
  port: number;
  pid: number | null;
  process: string | null;
  command: string | null;
}

export interface RecordingProbe {
  at: string;
  up: boolean;
  connectMs: number | null;
  /** The HTTP status when the application answered in HTTP; null otherwise. */
  status: number | null;
}

export interface RecordingPayload {
  startedAt: string;
  stoppedAt: string;
  before: Diagnosis;
  after: Diagnosis;
  events: RecordingEvent[];
  probes: RecordingProbe[];
}

interface EntryBase {
  at: string;
  seq: number;
}

export type SessionEntryView =
  | (EntryBase & { kind: 'diagnosis' } & DiagnosisPayload)
  | (EntryBase & { kind: 'note' } & NotePayload)
  | (EntryBase & { kind: 'action' } & ActionPayload)
  | (EntryBase & { kind: 'copied' } & CopiedPayload)
  | (EntryBase & { kind: 'recording' } & RecordingPayload);

export interface SessionView {
  id: string;
  target: string;
  createdAt: string;
  readOnly: boolean;
  importedFrom?: string;
}

/** The short name a person reads out: the first 6 characters of the UUID. */
export const shortSessionId = (id: string) => id.slice(0, 6);
