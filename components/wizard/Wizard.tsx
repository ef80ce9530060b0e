'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import { wizardDiagnosisQuery } from '@/components/sessions/session-diagnosis';
import { useWizardSession } from '@/components/sessions/use-wizard-session';
import { WizardSession } from '@/components/sessions/WizardSession';
import { TargetForm } from '@/components/home/TargetForm';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { OsProvider } from '@/components/ui/os';
import { OsSwitch } from '@/components/ui/OsSwitch';
import { CheckingNotice } from './CheckingNotice';
import { ConfirmForeignNavigation } from './ConfirmForeignNavigation';
import { FixStep } from './FixStep';
import { MonitorStep } from './MonitorStep';
import { OpenStep } from './OpenStep';
import { StartStep } from './StartStep';
import { StepNav } from './StepNav';
import { StopProcessProvider } from './StopProcessProvider';
import { useLivePort } from './use-live-port';
import { VerdictBanner } from './VerdictBanner';

interface WizardProps {
  input: string;
  intent: Intent;
  /** Another site sent the browser here: probe nothing until the user confirms (docs/security.md). */
  confirmFirst?: boolean;
}

/** The four-step wizard for one address. All reasoning is the engine's; this lays its findings out. */
export function Wizard({ input, intent, confirmFirst = false }: WizardProps) {
  const [confirmed, setConfirmed] = useState(!confirmFirst);
  // Everything else (live polling, free port, stop) hangs off the diagnosis, so this one gate holds them all.
  // The session (continued or opened) comes first, so the first diagnosis is already its first entry.
  const { session, settled, startOver } = useWizardSession(input, intent, confirmed);
  const query = useQuery({
    ...wizardDiagnosisQuery(input, intent, session?.id ?? null),
    enabled: confirmed && settled,
  });
  if (!confirmed) return <ConfirmForeignNavigation input={input} onConfirm={() => setConfirmed(true)} />;
  if (query.data) {
    return (
      <OsProvider initial={query.data.facts.platform}>
        <WizardSession session={session} diagnosis={query.data} onNewSession={startOver}>
          <WizardBody
            input={input}
            intent={intent}
            diagnosis={query.data}
            refreshing={query.isFetching}
            onRecheck={() => void query.refetch()}
            staleBecause={query.error instanceof Error ? query.error.message : null}
          />
        </WizardSession>
      </OsProvider>
    );
  }
  if (query.isError) {
    return (
      <div className="grid gap-6">
        <ErrorNotice
          title={`Could not diagnose “${input}”`}
          error={query.error}
          action={
            <button
              type="button"
              onClick={() => void query.refetch()}
              className="rounded-md border border-red-400 bg-white px-3 py-1 text-sm font-medium text-red-950 hover:bg-red-100 dark:bg-red-950 dark:text-red-50"
            >
              Try again
            </button>
          }
        />
        <TargetForm initial={input} heading="Try another address" />
      </div>
    );
  }
  return <CheckingNotice input={input} />;
}

interface BodyProps {
  input: string;
  intent: Intent;
  diagnosis: Diagnosis;
  refreshing: boolean;
  onRecheck: () => void;
  staleBecause: string | null;
}

function WizardBody({ input, intent, diagnosis, refreshing, onRecheck, staleBecause }: BodyProps) {
  const live = useLivePort(input, intent, diagnosis);
  // "Running for 3 min" is measured against the latest live reading, so rendering stays pure.
  const now = live.snapshot?.at ?? Date.parse(diagnosis.facts.gatheredAt);
  return (
    <StopProcessProvider input={input} platform={diagnosis.facts.platform}>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        <VerdictBanner
          diagnosis={diagnosis}
          refreshing={refreshing}
          onRecheck={onRecheck}
          staleBecause={staleBecause}
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <OsSwitch hostOs={diagnosis.facts.platform} />
        </div>
        <StepNav findings={diagnosis.findings} />
        <StartStep diagnosis={diagnosis} live={live} input={input} intent={intent} now={now} />
        <OpenStep diagnosis={diagnosis} />
        <MonitorStep diagnosis={diagnosis} live={live} now={now} />
        <FixStep diagnosis={diagnosis} input={input} />
      </div>
    </StopProcessProvider>
  );
}
