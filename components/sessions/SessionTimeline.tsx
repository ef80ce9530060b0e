'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { timelineChanges } from '@/lib/sessions/diff';
import { shortSessionId, type SessionEntryView, type SessionView } from '@/lib/sessions/entries';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { diagnoseHref } from '@/components/ui/hrefs';
import { CapturedDiagnosis } from './CapturedDiagnosis';
import { ExportPanel } from './ExportPanel';
import { formatHourMinute } from './format-time';
import { NoteBox } from './NoteBox';
import { RecordControls } from './RecordControls';
import { sessionQuery } from './session-api';
import { TimelineEntry } from './TimelineEntry';

const PLATFORM_NAME = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' } as const;

/** "captured on another machine at 14:02 (Linux)", from the first diagnosis' own facts. */
function capturedElsewhere(entries: readonly SessionEntryView[]): string {
  const first = entries.find((e) => e.kind === 'diagnosis');
  if (!first) return 'captured on another machine';
  const { platform, gatheredAt } = first.diagnosis.facts;
  return `captured on another machine at ${formatHourMinute(gatheredAt)} (${PLATFORM_NAME[platform] ?? platform})`;
}

function Header({ session, entries }: { session: SessionView; entries: readonly SessionEntryView[] }) {
  return (
    <header className="grid gap-1">
      <h1 className="text-2xl font-semibold tracking-tight">
        Session {shortSessionId(session.id)} · <span className="font-mono">{session.target}</span>
      </h1>
      <p className="text-slate-700 dark:text-slate-300">
        {session.readOnly ? (
          <span data-testid="imported">
            {capturedElsewhere(entries)}
            {session.importedFrom ? `, imported from ${session.importedFrom}` : ''}. Its findings come from
            this doctor’s checks run on those facts; nothing was probed here.
          </span>
        ) : (
          <>
            Started {formatHourMinute(session.createdAt)} ·{' '}
            <Link
              href={`${diagnoseHref(session.target)}?session=${session.id}`}
              className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
            >
              Continue in the wizard
            </Link>
          </>
        )}
      </p>
    </header>
  );
}

/** An imported case file's latest diagnosis, laid out in the wizard's four steps. */
function LatestCaptured({ entries }: { entries: readonly SessionEntryView[] }) {
  const last = entries.findLast((e) => e.kind === 'diagnosis');
  if (!last || last.kind !== 'diagnosis') return null;
  const heading = `The last diagnosis, captured at ${formatHourMinute(last.diagnosis.facts.gatheredAt)}, as this doctor reads it`;
  return <CapturedDiagnosis diagnosis={last.diagnosis} heading={heading} />;
}

/** A session's timeline: what was tried, when, and what changed between two diagnoses. */
export function SessionTimeline({ id }: { id: string }) {
  const query = useQuery(sessionQuery(id));
  if (query.isError) return <ErrorNotice title="Could not open this session" error={query.error} />;
  if (!query.data) return <p>Opening session {shortSessionId(id)}…</p>;
  const { session, entries } = query.data;
  const changes = new Map(timelineChanges(entries).map((c) => [c.seq, c.diff]));
  return (
    <div className="grid gap-8">
      <Header session={session} entries={entries} />
      {session.readOnly ? <LatestCaptured entries={entries} /> : null}
      {session.readOnly ? null : (
        <section aria-label="Add to the session" className="grid gap-3">
          <RecordControls sessionId={session.id} />
          <NoteBox sessionId={session.id} />
        </section>
      )}
      <section aria-labelledby="timeline" className="grid gap-2">
        <h2 id="timeline" className="text-xl font-semibold">
          Timeline
        </h2>
        {entries.length === 0 ? (
          <p>Nothing yet: diagnoses, actions, copied fixes and notes show here as they happen.</p>
        ) : (
          <ol>
            {entries.map((e) => (
              <TimelineEntry key={e.seq} entry={e} diff={changes.get(e.seq) ?? null} />
            ))}
          </ol>
        )}
      </section>
      <ExportPanel sessionId={session.id} />
    </div>
  );
}
