'use client';

import type { Listener } from '@/lib/host/listeners/types';
import { DANGER_BUTTON_SMALL } from './stop-styles';
import { processLabel } from './stop-wording';
import type { StopPlace } from './stop-state';
import { useStopProcess } from './StopProcessProvider';

/**
 * "Stop this process" for a listener that holds the port. Shown only where the wizard offers stopping
 * (inside the StopProcessProvider) and only when the owner's pid is known; whether the stop is allowed is
 * the server's call, made when the user confirms.
 */
export function StopProcessButton({
  listener,
  place,
  label = 'Stop this process',
}: {
  listener: Listener;
  place: StopPlace;
  label?: string;
}) {
  const stop = useStopProcess();
  const { pid } = listener;
  if (!stop || pid === null) return null;
  const busy = stop.subject?.listener.pid === pid && (stop.phase === 'stopping' || stop.phase === 'forcing');
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => stop.offer({ ...listener, pid }, place)}
      className={DANGER_BUTTON_SMALL}
    >
      {busy ? 'Stopping…' : label}
      {/* Several holders can each have a button: say which one to a screen reader. */}
      {label.includes(`pid ${pid}`) ? null : <span className="sr-only">: {processLabel(listener)}</span>}
    </button>
  );
}
