'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Diagnosis, Step } from '@/lib/diagnosis/types';
import { currentGuideStep, guideSteps } from '@/lib/sessions/guide';
import { RichText } from '@/components/ui/RichText';
import { StatusMark } from '@/components/ui/StatusMark';
import { sessionQuery } from '@/components/sessions/session-api';
import { useSessionLog } from '@/components/sessions/session-log';

/**
 * Guide mode, for the person helping over a call: one step at a time, the sentence to read out and the one
 * thing to do next. "Next" is enabled only when the step holds on the latest diagnosis; every move is a
 * guide-step action in the session, so a reload (or the helper's colleague) resumes at the same step.
 */
export function GuidePanel({ sessionId, diagnosis }: { sessionId: string; diagnosis: Diagnosis }) {
  const log = useSessionLog();
  const entries = useQuery(sessionQuery(sessionId)).data?.entries;
  // Moved here but not yet read back from the session: shown at once, the session catches up.
  const [moved, setMoved] = useState<Step | null>(null);
  const steps = guideSteps(diagnosis);
  if (!entries && moved === null) return <p className="text-sm">Loading the guide…</p>;
  const at = moved ?? currentGuideStep(entries ?? []);
  const index = steps.findIndex((s) => s.step === at);
  const step = steps[index]!;
  const go = (to: Step) => {
    setMoved(to);
    log?.action({
      action: 'guide-step',
      step: to,
      text: `guide: ${steps.find((s) => s.step === to)!.title}`,
    });
  };
  const nextStep = steps[index + 1];
  const previous = steps[index - 1];
  return (
    <section
      aria-labelledby="guide-title"
      data-testid="guide"
      className="rounded-xl border-2 border-sky-300 bg-sky-50 p-5 dark:border-sky-700 dark:bg-sky-950/40"
    >
      <p className="text-sm font-medium text-sky-900 dark:text-sky-200">
        Guide mode · step {index + 1} of {steps.length}
      </p>
      <h2 id="guide-title" className="mt-1 flex items-center gap-2 text-xl font-semibold">
        <StatusMark mark={step.holds ? 'ok' : 'error'} size="sm" label={step.holds ? 'Holds' : 'Not yet'} />
        {step.title}
      </h2>
      <p className="mt-3 text-sm font-semibold">Read out</p>
      <p data-testid="guide-say" className="text-lg leading-relaxed">
        <RichText text={step.say} />
      </p>
      <p className="mt-3 text-sm font-semibold">Next</p>
      <p data-testid="guide-next">{step.next}</p>
      <div className="mt-4 flex gap-2">
        {previous ? (
          <button
            type="button"
            onClick={() => go(previous.step)}
            className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:bg-slate-800"
          >
            Back
          </button>
        ) : null}
        {nextStep ? (
          <button
            type="button"
            onClick={() => go(nextStep.step)}
            disabled={!step.holds}
            className="rounded-md bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-50"
          >
            Next: {nextStep.title}
          </button>
        ) : null}
      </div>
    </section>
  );
}
