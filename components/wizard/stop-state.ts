/** The state of the wizard's one stop action, shared by the buttons, the dialog and the notices. */
import type { Finding, StopProcessAction } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import type { StopResult } from '@/components/data/queries';
import type { StopPlatform } from './stop-wording';

/** Where the user asked for the stop: the result is shown there, next to what they clicked. */
export type StopPlace = 'start' | 'fix';

/**
 * A stop the engine offered (a finding's `stop-process` action) whose start time is known: the only kind the
 * UI offers. The server refuses a stop without the start time it listed (it guards against pid reuse).
 */
export type OfferedStop = StopProcessAction & { startedAt: string };

/** The engine's stop actions on a finding, exactly as emitted, minus those that cannot be sent (no start time). */
export function offeredStops(finding: Pick<Finding, 'actions'> | undefined): OfferedStop[] {
  return (finding?.actions ?? []).filter(
    (a): a is OfferedStop => a.kind === 'stop-process' && a.startedAt !== null,
  );
}

/** The sockets a process holds on the port, as listed in the facts: what the dialog shows (display only). */
export function socketsOf(listeners: readonly Listener[], stop: Pick<StopProcessAction, 'pid' | 'port'>) {
  return listeners.filter((l) => l.pid === stop.pid && l.port === stop.port);
}

export interface StopSubject {
  action: OfferedStop;
  /** The sockets it holds on the port, from the listing the user saw (shown in the dialog; decides nothing). */
  sockets: readonly Listener[];
  place: StopPlace;
}

export type StopPhase =
  | 'confirm'
  | 'stopping'
  | 'forcing'
  | 'stopped'
  /** 202 after SIGTERM: the user may force it. */
  | 'still-running'
  /** 202 after SIGKILL: stuck in the kernel; nothing more to do from here. */
  | 'stuck'
  /** Any 4xx/5xx: the server's own sentence says why. */
  | 'refused';

export interface StopState {
  subject: StopSubject | null;
  phase: StopPhase;
  result: StopResult | undefined;
  error: unknown;
  platform: StopPlatform;
  dialogOpen: boolean;
}

/** The page notice for a place: the stop's progress and answer, and where focus goes after the dialog. */
export const outcomeId = (place: StopPlace) => `stop-outcome-${place}`;
