import Link from 'next/link';
import type { Diagnosis, FindingId, Intent } from '@/lib/diagnosis/types';
import { FactSource } from '@/components/ui/FactSource';
import { FindingCard } from './FindingCard';
import { ListenerOwners } from './ListenerOwners';
import { PortTakenActions } from './PortTakenActions';
import { FactsBlock, StepSection } from './StepSection';
import { STEPS } from '@/lib/diagnosis/steps';
import { findingsOf, stepMark } from './steps';
import { StopOutcome } from './StopOutcome';
import { offeredStops, socketsOf } from './stop-state';
import { StopProcessButton } from './StopProcessButton';
import type { LivePort } from './use-live-port';
import { WaitingForService } from './WaitingForService';

/** Findings that mean "nothing listens on this port yet": the step then waits, live, for the service. */
const NOTHING_LISTENS = new Set<FindingId>(['no-listener', 'port-free']);

export function StartStep({
  diagnosis,
  live,
  input,
  intent,
  now,
}: {
  diagnosis: Diagnosis;
  live: LivePort;
  input: string;
  intent: Intent;
  now: number;
}) {
  const { target, facts } = diagnosis;
  const findings = findingsOf(diagnosis.findings, 'start');
  const waiting = findings.some((f) => NOTHING_LISTENS.has(f.id));
  const appeared =
    waiting && live.diverged
      ? (live.snapshot?.listeners.listeners.filter((l) => l.port === target.port) ?? [])
      : [];
  const owners =
    facts.listeners.status === 'ok'
      ? facts.listeners.value.listeners.filter((l) => l.port === target.port)
      : [];
  // The stops the engine offers on this step's findings (port-taken's holders, forwarders left out): each is
  // offered on its finding and on the cards of the sockets its process holds, next to the command line.
  const offers = findings.flatMap((f) => offeredStops(f));
  const otherIntent = intent === 'start' ? '' : '?intent=start';
  return (
    <StepSection step={STEPS[0]!} mark={stepMark(findings)}>
      <StopOutcome place="start" />
      {waiting ? <WaitingForService port={target.port} paused={live.paused} appeared={appeared} /> : null}
      {findings.map((f) => (
        <FindingCard
          key={f.id}
          finding={f}
          lessonTarget={target}
          denseFixes={f.fixes.length > 4}
          actions={
            f.id === 'port-taken' ? (
              <PortTakenActions diagnosis={diagnosis} finding={f} input={input} place="start" />
            ) : undefined
          }
        />
      ))}
      <FactsBlock title={`Who listens on port ${target.port}`}>
        {owners.length > 0 ? (
          <ListenerOwners
            listeners={owners}
            now={now}
            action={
              offers.length > 0
                ? (l) => {
                    const offer = offers.find((a) => a.pid === l.pid && a.port === l.port);
                    return offer ? (
                      <StopProcessButton action={offer} sockets={socketsOf(owners, offer)} place="start" />
                    ) : null;
                  }
                : undefined
            }
          />
        ) : facts.listeners.status === 'ok' ? (
          <p className="text-sm">No socket is listening on port {target.port}, TCP or UDP.</p>
        ) : null}
        {facts.listeners.status === 'ok' && facts.listeners.value.warnings.length > 0 ? (
          <ul className="text-sm text-amber-900 dark:text-amber-200">
            {facts.listeners.value.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ) : null}
        <FactSource
          fact={facts.listeners}
          from={facts.listeners.status === 'ok' ? facts.listeners.value.source : undefined}
        />
      </FactsBlock>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {intent === 'start'
          ? 'Checked as a port you want to start a service on. '
          : 'Want to start your own service on this port instead? '}
        <Link
          href={`/diagnose/${encodeURIComponent(input)}${otherIntent}`}
          className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
        >
          {intent === 'start'
            ? `Diagnose reaching ${target.display} instead`
            : `Check port ${target.port} for starting a service`}
        </Link>
      </p>
    </StepSection>
  );
}
