'use client';

import type { StopProcessAction } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import { DANGER_BUTTON_SMALL } from './stop-styles';
import { processLabel } from './stop-wording';
import type { StopPlace } from './stop-state';
import { useStopProcess } from './StopProcessProvider';

/**
 * "Stop this process" for one of the engine's `stop-process` actions, and only for one: who may be stopped
 * is the engine's call (it leaves out forwarders such as docker-proxy), whether the stop is allowed is the
 * server's, made when the user confirms. Shown only where the wizard offers stopping (inside the
 * StopProcessProvider) and only when the action carries the process's start time, which the server needs.
 */
export function StopProcessButton({
  action,
  sockets,
  place,
  label = 'Stop this process',
}: {
  action: StopProcessAction;
  /** The sockets it holds on the port, from the listing, for the dialog to show. */
  sockets: readonly Listener[];
  place: StopPlace;
  label?: string;
}) {
  const stop = useStopProcess();
  const { startedAt } = action;
  if (!stop || startedAt === null) return null;
  const busy =
    stop.subject?.action.pid === action.pid && (stop.phase === 'stopping' || stop.phase === 'forcing');
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => stop.offer({ action: { ...action, startedAt }, sockets, place })}
      className={DANGER_BUTTON_SMALL}
    >
      {busy ? 'Stopping…' : label}
      {/* Several holders can each have a button: say which one to a screen reader. */}
      {label.includes(`pid ${action.pid}`) ? null : <span className="sr-only">: {processLabel(action)}</span>}
    </button>
  );
}
