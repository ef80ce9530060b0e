import type { DiagnosisDiff } from '@/lib/sessions/diff';
import { RichText } from '@/components/ui/RichText';
import { StatusMark } from '@/components/ui/StatusMark';

function FindingList({
  heading,
  findings,
  mark,
}: {
  heading: string;
  findings: DiagnosisDiff['appeared'];
  mark: 'appeared' | 'went-away';
}) {
  if (findings.length === 0) return null;
  return (
    <div className="mt-1">
      <p className="text-slate-600 dark:text-slate-400">{heading}</p>
      <ul>
        {findings.map((f) => (
          <li
            key={f.id}
            data-change={mark}
            data-finding={f.id}
            className={`flex items-center gap-2 ${mark === 'went-away' ? 'line-through decoration-slate-400' : ''}`}
          >
            <StatusMark mark={f.severity} size="sm" />
            <RichText text={f.title} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What changed between two diagnoses: the one-line change, then the findings that appeared and went away. */
export function DiffView({ diff }: { diff: DiagnosisDiff }) {
  return (
    <div data-testid="diff" className="mt-2 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
      <p className="font-medium">
        <RichText text={diff.sentence} />
      </p>
      <FindingList heading="Appeared" findings={diff.appeared} mark="appeared" />
      <FindingList heading="Went away" findings={diff.wentAway} mark="went-away" />
    </div>
  );
}
