'use client';

import type { Diagnosis } from '@/lib/diagnosis/types';
import { describeOwner, tcpListeners } from '@/lib/diagnosis/view';
import type { Listener } from '@/lib/host/listeners/types';
import { FreePortSuggestion } from './FreePortSuggestion';
import type { StopPlace } from './stop-state';
import { processLabel } from './stop-wording';
import { StopProcessButton } from './StopProcessButton';
import { useStopProcess } from './StopProcessProvider';

/** The TCP holders of the target's port whose pid is known, one per process (IPv4 and IPv6 sockets merge). */
export function stoppableHolders(diagnosis: Diagnosis): Listener[] {
  const tcp = tcpListeners(diagnosis.facts) ?? [];
  return [...new Map(tcp.filter((l) => l.pid !== null).map((l) => [l.pid, l])).values()];
}

/**
 * The two ways out of the engine's `port-taken` finding, as actions: stop what holds the port (the server
 * decides whether it may) or use a port proven free.
 */
export function PortTakenActions({
  diagnosis,
  input,
  place,
}: {
  diagnosis: Diagnosis;
  input: string;
  place: StopPlace;
}) {
  const { target } = diagnosis;
  const stop = useStopProcess();
  const holders = stop ? stoppableHolders(diagnosis) : [];
  return (
    <div
      className={`grid gap-4 rounded-md border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950/40 ${holders.length > 0 ? 'sm:grid-cols-2' : ''}`}
    >
      {holders.length > 0 ? (
        <div className="grid content-start gap-2 text-sm">
          <p className="font-semibold">Either stop what holds port {target.port}</p>
          <ul className="grid gap-2">
            {holders.map((l) => (
              <li key={l.pid} className="grid justify-items-start gap-1">
                <span className="text-slate-700 dark:text-slate-300">{describeOwner(l)}</span>
                <StopProcessButton listener={l} place={place} label={`Stop ${processLabel(l)}`} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FreePortSuggestion
        input={input}
        host={target.host}
        hostKind={target.hostKind}
        port={target.port}
        alternative={holders.length > 0}
      />
    </div>
  );
}
