'use client';

import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { shortSessionId, type SessionView } from '@/lib/sessions/entries';
import { GuidePanel } from '@/components/guide/GuidePanel';
import { formatHourMinute } from './format-time';
import { NoteBox } from './NoteBox';
import { RecordControls } from './RecordControls';
import { SessionLogProvider } from './session-log';

/** Guide mode is part of the URL (?guide=1), so a reload or a link keeps it on. */
function useGuideToggle(): [boolean, (on: boolean) => void] {
  // Rendered only once the browser has a diagnosis (never on the server), so the URL can be read at once.
  const [on, setOn] = useState(() => new URLSearchParams(window.location.search).get('guide') === '1');
  const set = (next: boolean) => {
    setOn(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('guide', '1');
    else url.searchParams.delete('guide');
    window.history.replaceState(null, '', url);
  };
  return [on, set];
}

/**
 * The wizard inside a session: "Session abc123 · started 14:02", its note box, Record / Stop and the guide
 * toggle above the steps, and everything done below it (actions, copied fixes) recorded in the session.
 */
export function WizardSession({
  session,
  diagnosis,
  onNewSession,
  children,
}: {
  session: SessionView | null;
  diagnosis: Diagnosis;
  /** Starts a new session for the same address. */
  onNewSession?: () => void;
  children: ReactNode;
}) {
  const [guide, setGuide] = useGuideToggle();
  if (!session) return <>{children}</>;
  return (
    <SessionLogProvider sessionId={session.id} diagnosis={diagnosis}>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        <section
          aria-label="Troubleshooting session"
          className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm">
              <Link
                href={`/sessions/${session.id}`}
                className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
              >
                Session {shortSessionId(session.id)}
              </Link>{' '}
              · started {formatHourMinute(session.createdAt)}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <RecordControls sessionId={session.id} />
              {onNewSession ? (
                <button
                  type="button"
                  onClick={onNewSession}
                  className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:bg-slate-800"
                >
                  New session
                </button>
              ) : null}
              <button
                type="button"
                aria-pressed={guide}
                onClick={() => setGuide(!guide)}
                className="rounded-md border border-sky-600 bg-white px-3 py-1 text-sm font-medium text-sky-900 hover:bg-sky-50 dark:bg-slate-800 dark:text-sky-200"
              >
                Guide mode
              </button>
            </div>
          </div>
          <NoteBox sessionId={session.id} />
        </section>
        {guide ? <GuidePanel sessionId={session.id} diagnosis={diagnosis} /> : null}
        {children}
      </div>
    </SessionLogProvider>
  );
}
