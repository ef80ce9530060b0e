import type { DiagnosisDiff } from '@/lib/sessions/diff';
import type { SessionEntryView } from '@/lib/sessions/entries';
import { formatClock } from '@/components/ui/format';
import { RichText } from '@/components/ui/RichText';
import { StatusMark } from '@/components/ui/StatusMark';
import { DiffView } from './DiffView';
import { RecordingView } from './RecordingView';

const KIND_LABEL: Record<SessionEntryView['kind'], string> = {
  diagnosis: 'Diagnosis',
  note: 'Note',
  action: 'Action',
  copied: 'Copied',
  recording: 'Recording',
};

function Body({ entry, diff }: { entry: SessionEntryView; diff: DiagnosisDiff | null }) {
  switch (entry.kind) {
    case 'diagnosis':
      return (
        <>
          <p className="flex items-start gap-2">
            <StatusMark mark={entry.diagnosis.summary.severity} size="sm" />
            <span data-testid="headline">
              <RichText text={entry.diagnosis.summary.headline} />
            </span>
          </p>
          {diff ? <DiffView diff={diff} /> : null}
        </>
      );
    case 'note':
      return <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{entry.text}</p>;
    case 'action':
      return <p>{entry.text}</p>;
    case 'copied':
      return (
        <p>
          {entry.label}:{' '}
          <code className="rounded bg-slate-200/70 px-1 font-mono [overflow-wrap:anywhere] dark:bg-slate-800">
            {entry.command}
          </code>
        </p>
      );
    case 'recording':
      return <RecordingView recording={entry} />;
  }
}

export function TimelineEntry({ entry, diff }: { entry: SessionEntryView; diff: DiagnosisDiff | null }) {
  return (
    <li
      data-kind={entry.kind}
      className="grid grid-cols-[6rem_minmax(0,1fr)] gap-3 border-t border-slate-200 py-3 dark:border-slate-700"
    >
      <div className="text-sm">
        <time dateTime={entry.at} className="font-mono">
          {formatClock(entry.at)}
        </time>
        <p className="text-slate-600 dark:text-slate-400">{KIND_LABEL[entry.kind]}</p>
      </div>
      <div className="min-w-0">
        <Body entry={entry} diff={diff} />
      </div>
    </li>
  );
}
