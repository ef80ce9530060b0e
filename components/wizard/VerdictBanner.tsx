'use client';

import type { Diagnosis, Fix } from '@/lib/diagnosis/types';
import { CommandBlock } from '@/components/ui/CommandBlock';
import { formatClock } from '@/components/ui/format';
import { useOs, type Os } from '@/components/ui/os';
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { RichText } from '@/components/ui/RichText';
import { SEVERITY_PANEL } from '@/components/ui/severity';
import { Spinner } from '@/components/ui/Spinner';
import { StatusMark } from '@/components/ui/StatusMark';

/**
 * The summary's first fix when it applies to the chosen OS; else the same fix in that OS's spelling (same
 * label on the cause finding); else the cause's first fix for that OS.
 */
function firstFixFor(d: Diagnosis, os: Os): Fix | null {
  const first = d.summary.firstFix;
  // No first fix means the engine said what to do in words (e.g. "start your service"): no command to push.
  if (!first) return null;
  if (fixesFor([first], os).length > 0) return first;
  const cause = d.findings.find((f) => f.id === d.summary.cause);
  if (!cause) return null;
  const forOs = fixesFor(cause.fixes, os);
  return forOs.find((f) => f.label === first?.label) ?? forOs[0] ?? null;
}

export interface VerdictBannerProps {
  diagnosis: Diagnosis;
  refreshing: boolean;
  onRecheck: () => void;
  /** Set when the latest re-check failed and the banner still shows the previous result. */
  staleBecause?: string | null;
}

/** The answer in one glance: the engine's headline coloured by severity, and the first thing to type. */
export function VerdictBanner({ diagnosis, refreshing, onRecheck, staleBecause }: VerdictBannerProps) {
  const { os } = useOs();
  const { summary, target, facts } = diagnosis;
  const fix = firstFixFor(diagnosis, os);
  return (
    <section
      aria-labelledby="verdict"
      className={`rounded-xl border p-5 sm:p-6 ${SEVERITY_PANEL[summary.severity]}`}
    >
      <p className="font-mono text-sm text-slate-700 dark:text-slate-300">
        <span className="sr-only">Diagnosis of </span>
        {target.display}
        {target.path !== '/' ? target.path : ''}
      </p>
      <div className="mt-2 flex items-start gap-3">
        <StatusMark mark={summary.severity} size="lg" />
        {/* Live: when the service starts or stops while the page is open, the new verdict is read out. */}
        <h1
          id="verdict"
          aria-live="polite"
          className="text-2xl font-semibold leading-tight tracking-tight sm:text-[1.75rem]"
        >
          <RichText text={summary.headline} />
        </h1>
      </div>
      {target.notes.length > 0 ? (
        <ul className="mt-3 grid gap-1 text-sm text-slate-700 dark:text-slate-300">
          {target.notes.map((n) => (
            <li key={n} className="flex items-start gap-2">
              <StatusMark mark="info" size="sm" label="Note" />
              <span>
                <RichText text={n} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {fix ? (
        <div className="mt-4">
          <p className="mb-1 text-sm font-semibold">First, try this</p>
          <CommandBlock label={fix.label} command={fix.command} />
        </div>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
        <span role="status">
          {refreshing ? (
            <>
              <Spinner /> Re-checking {target.display}…
            </>
          ) : (
            <>Checked at {formatClock(facts.gatheredAt)}</>
          )}
        </span>
        <button
          type="button"
          onClick={onRecheck}
          disabled={refreshing}
          className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          Check again
        </button>
      </div>
      {staleBecause ? (
        <p role="alert" className="mt-2 text-sm text-amber-900 dark:text-amber-200">
          The last re-check failed ({staleBecause}); this is the result from {formatClock(facts.gatheredAt)}.
        </p>
      ) : null}
    </section>
  );
}
