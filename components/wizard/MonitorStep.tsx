import type { Diagnosis } from '@/lib/diagnosis/types';
import { liveIntervalFor } from '@/components/data/queries';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { formatClock } from '@/components/ui/format';
import { MonitorOverTime } from '@/components/monitor/MonitorOverTime';
import { ChangeLog } from './ChangeLog';
import { ConnectionsByState } from './ConnectionsByState';
import { FindingCard } from './FindingCard';
import { ListenerOwners } from './ListenerOwners';
import { FactsBlock, StepSection } from './StepSection';
import { STEPS } from '@/lib/diagnosis/steps';
import { findingsOf, stepMark } from './steps';
import type { LivePort } from './use-live-port';

/** The port, live: who owns it now, its connections by state, and a log of what changed. */
export function MonitorStep({ diagnosis, live, now }: { diagnosis: Diagnosis; live: LivePort; now: number }) {
  const port = diagnosis.target.port;
  const findings = findingsOf(diagnosis.findings, 'monitor');
  const snap = live.snapshot;
  const owners = snap?.listeners.listeners.filter((l) => l.port === port) ?? [];
  return (
    <StepSection
      step={STEPS[2]!}
      mark={stepMark(findings)}
      statusText={findings.length === 0 ? (live.paused ? 'Paused' : 'Live') : undefined}
    >
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button
          type="button"
          onClick={() => live.setPaused(!live.paused)}
          className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:hover:bg-slate-700"
        >
          {live.paused ? 'Resume live updates' : 'Pause live updates'}
        </button>
        <span className="text-slate-600 dark:text-slate-400">
          {live.paused
            ? 'Paused.'
            : snap
              ? `Updated ${formatClock(snap.at)} · every ${liveIntervalFor(snap) / 1000} s while this tab is visible`
              : `Reading port ${port}…`}
        </span>
      </div>
      {live.error ? <ErrorNotice title="The live view could not refresh" error={live.error} /> : null}
      {findings.map((f) => (
        <FindingCard key={f.id} finding={f} lessonTarget={diagnosis.target} />
      ))}
      <FactsBlock title={`Listening on port ${port} now`}>
        {snap ? (
          owners.length > 0 ? (
            <ListenerOwners listeners={owners} now={now} showMemory />
          ) : (
            <p className="text-sm">Nothing listens on port {port} right now.</p>
          )
        ) : null}
      </FactsBlock>
      <FactsBlock title={`Connections on port ${port}`}>
        {snap ? <ConnectionsByState connections={snap.connections} /> : null}
      </FactsBlock>
      <FactsBlock title="What changed while this page was open">
        <ChangeLog events={live.log} />
      </FactsBlock>
      <MonitorOverTime target={diagnosis.target} />
    </StepSection>
  );
}
