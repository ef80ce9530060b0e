'use client';

import { RichText } from '@/components/ui/RichText';
import { Spinner } from '@/components/ui/Spinner';
import { StatusMark } from '@/components/ui/StatusMark';
import { outcomeId, type StopPlace } from './stop-state';
import { DANGER_BUTTON_SMALL, QUIET_BUTTON } from './stop-styles';
import {
  forceLabel,
  processLabel,
  progressSentence,
  stillRunningSentence,
  stoppedSentence,
} from './stop-wording';
import { refusalMessage } from './StopProcessDialog';
import { useStopProcess } from './StopProcessProvider';

const PANEL = {
  progress: 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900',
  ok: 'border-emerald-300 bg-emerald-50 text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/30 dark:text-emerald-50',
  warning:
    'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950/30 dark:text-amber-50',
  error: 'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50',
} as const;

/**
 * The stop's progress and answer, on the page where the user asked for it. It stays after the card that
 * offered the stop is gone (the port is free, the step has moved on), until dismissed.
 */
export function StopOutcome({ place }: { place: StopPlace }) {
  const stop = useStopProcess();
  if (!stop || !stop.subject || stop.subject.place !== place || stop.phase === 'confirm') return null;
  const { phase, result, platform } = stop;
  const who = processLabel(stop.subject.action);
  const port = stop.subject.action.port;

  let tone: keyof typeof PANEL;
  let body;
  if (phase === 'stopping' || phase === 'forcing') {
    tone = 'progress';
    body = (
      <p className="flex items-center gap-2 font-medium">
        <Spinner /> {progressSentence(phase === 'forcing', platform, who)}
      </p>
    );
  } else if (phase === 'stopped' && result) {
    tone = 'ok';
    body = (
      <>
        <p className="flex items-start gap-2 font-semibold">
          <StatusMark mark="ok" size="sm" label="Done" />
          {stoppedSentence(result, platform, who)}
        </p>
        <p className="mt-1 text-sm">
          This page checks port {port} again by itself and shows what happens next — no reload needed.
        </p>
      </>
    );
  } else if (phase === 'still-running') {
    tone = 'warning';
    body = (
      <>
        <p className="font-semibold">{stillRunningSentence(platform, who)}</p>
        <div className="mt-2">
          <button type="button" className={DANGER_BUTTON_SMALL} onClick={stop.reopen}>
            {forceLabel(platform)}…
          </button>
        </div>
      </>
    );
  } else if (phase === 'stuck' && result) {
    tone = 'warning';
    body = <p className="font-semibold">{result.message}</p>;
  } else {
    tone = 'error';
    body = (
      <>
        <p className="font-semibold">Localhost Doctor did not stop {who}.</p>
        <p className="mt-1">
          <RichText text={refusalMessage(stop.error)} />
        </p>
      </>
    );
  }

  return (
    <div
      id={outcomeId(place)}
      tabIndex={-1}
      role="status"
      data-testid={`stop-outcome-${place}`}
      className={`flex flex-wrap items-start justify-between gap-3 rounded-lg border p-4 focus-visible:outline focus-visible:outline-3 focus-visible:outline-sky-600 ${PANEL[tone]}`}
    >
      <div className="min-w-0 flex-1">{body}</div>
      {tone === 'progress' ? null : (
        <button type="button" className={QUIET_BUTTON} onClick={stop.dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
