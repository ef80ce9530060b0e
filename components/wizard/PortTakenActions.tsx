'use client';

import type { Diagnosis, Finding } from '@/lib/diagnosis/types';
import { FreePortSuggestion } from './FreePortSuggestion';
import { offeredStops, socketsOf, type StopPlace } from './stop-state';
import { holderLabel, processLabel } from './stop-wording';
import { StopProcessButton } from './StopProcessButton';
import { useStopProcess } from './StopProcessProvider';

/**
 * The two ways out of the engine's `port-taken` finding, as actions: stop a holder the engine offers to stop
 * (its `stop-process` actions, exactly those; the server decides whether it may) or use a port proven free.
 * An action without a start time gets no button: the finding's own text and commands say what to do.
 */
export function PortTakenActions({
  diagnosis,
  finding,
  input,
  place,
}: {
  diagnosis: Diagnosis;
  /** The port-taken finding whose actions these are. */
  finding: Finding;
  input: string;
  place: StopPlace;
}) {
  const { target, facts } = diagnosis;
  const stop = useStopProcess();
  const offers = stop ? offeredStops(finding) : [];
  const listed = facts.listeners.status === 'ok' ? facts.listeners.value.listeners : [];
  return (
    <div
      className={`grid gap-4 rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950/40 ${offers.length > 0 ? 'sm:grid-cols-2' : ''}`}
    >
      {offers.length > 0 ? (
        <div className="grid content-start gap-2 text-sm">
          <p className="font-semibold">Either stop what holds port {target.port}</p>
          <ul className="grid gap-2">
            {offers.map((a) => (
              <li key={a.pid} className="grid justify-items-start gap-1">
                <span className="text-slate-700 dark:text-slate-300">{holderLabel(a)}</span>
                <StopProcessButton
                  action={a}
                  sockets={socketsOf(listed, a)}
                  place={place}
                  label={`Stop ${processLabel(a)}`}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FreePortSuggestion
        input={input}
        host={target.host}
        port={target.port}
        freePort={facts.freePort}
        alternative={offers.length > 0}
      />
    </div>
  );
}
