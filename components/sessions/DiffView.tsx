import type { DiagnosisDiff } from '@/lib/sessions/diff';
import { RichText } from '@/components/ui/RichText';
import { StatusMark } from '@/components/ui/StatusMark';

/** What changed between two diagnoses: the one-line change, then the findings that appeared and went away. */
export function DiffView({ diff }: { diff: DiagnosisDiff }) {
  return (
    <div data-testid="diff" className="mt-2 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
      <p className="font-medium">
        <RichText text={diff.sentence} />
      </p>
      {diff.appeared.length > 0 ? (
        <div className="mt-1">
          <p className="text-slate-600 dark:text-slate-400">Appeared</p>
          <ul>
            {diff.appeared.map((f) => (
              <li key={f.id} className="flex items-center gap-2" data-appeared={f.id}>
                <StatusMark mark={f.severity} size="sm" />
                <RichText text={f.title} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.wentAway.length > 0 ? (
        <div className="mt-1">
          <p className="text-slate-600 dark:text-slate-400">Went away</p>
          <ul>
            {diff.wentAway.map((f) => (
              <li
                key={f.id}
                className="flex items-center gap-2 line-through decoration-slate-400"
                data-went-away={f.id}
              >
                <StatusMark mark={f.severity} size="sm" />
                <RichText text={f.title} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
