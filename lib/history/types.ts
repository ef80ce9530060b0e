/** What a diagnosis knows from memory about its target's port (facts.history). Types only: checks import them. */
import type { Listener } from '@/lib/host/listeners/types';
import type { HistoryUnavailableFact, ListenerEvent } from '@/lib/store';
import type { TargetObservation } from './observations';

export type { HistoryUnavailableFact, ListenerEvent, TargetObservation };

/** A program recorded on the target's port that listens now on another one, started the same way. */
export interface MovedListener {
  listener: Listener;
  /** Its working directory now (equal to the recorded one: that is part of "the same program"). */
  cwd: string | null;
  /** The recorded event it matched: when and how it listened on the target's port. */
  recorded: ListenerEvent;
}

export interface PortHistory {
  port: number;
  /** The port's recorded events, newest first, within `window`. */
  events: ListenerEvent[];
  window: { since: string; limit: number };
  moved: MovedListener[];
  /** The pids that held this target the last time it was diagnosed with a listener; null: never. */
  previous: TargetObservation | null;
}

export type HistoryFactValue = PortHistory | HistoryUnavailableFact;

export function isHistoryUnavailable(value: HistoryFactValue): value is HistoryUnavailableFact {
  return 'id' in value && value.id === 'history-unavailable';
}
