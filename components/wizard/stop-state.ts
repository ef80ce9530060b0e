/** The state of the wizard's one stop action, shared by the buttons, the dialog and the notices. */
import type { Listener } from '@/lib/host/listeners/types';
import type { StopResult } from '@/components/data/queries';
import type { StopPlatform } from './stop-wording';

/** Where the user asked for the stop: the result is shown there, next to what they clicked. */
export type StopPlace = 'start' | 'fix';

/** A listener whose owner is known: the only kind that can be offered a stop. */
export type HeldBy = Listener & { pid: number };

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
  subject: { listener: HeldBy; place: StopPlace } | null;
  phase: StopPhase;
  result: StopResult | undefined;
  error: unknown;
  platform: StopPlatform;
  dialogOpen: boolean;
}

/** The page notice for a place: the stop's progress and answer, and where focus goes after the dialog. */
export const outcomeId = (place: StopPlace) => `stop-outcome-${place}`;
