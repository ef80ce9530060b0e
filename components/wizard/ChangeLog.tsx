import { formatClock } from '@/components/ui/format';
import type { ChangeEvent, ChangeKind } from './listener-changes';

const KIND_LABEL: Record<ChangeKind, string> = {
  watching: 'Watching',
  appeared: 'Appeared',
  vanished: 'Vanished',
  restarted: 'Restarted',
};
const KIND_STYLE: Record<ChangeKind, string> = {
  watching: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  appeared: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  vanished: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  restarted: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
};

/** What changed on the port while this page was open, newest first; new lines are announced politely. */
export function ChangeLog({ events }: { events: readonly ChangeEvent[] }) {
  return (
    <ol aria-live="polite" aria-relevant="additions" className="grid gap-1 text-sm">
      {events.map((e, i) => (
        <li key={`${e.at}-${events.length - i}`} className="flex flex-wrap items-baseline gap-2">
          <time
            dateTime={new Date(e.at).toISOString()}
            className="tabular-nums text-slate-600 dark:text-slate-400"
          >
            {formatClock(e.at)}
          </time>
          <span className={`rounded px-1.5 text-xs font-semibold ${KIND_STYLE[e.kind]}`}>
            {KIND_LABEL[e.kind]}
          </span>
          <span>{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
