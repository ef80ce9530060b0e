import { formatClock } from '@/components/ui/format';
import type { TimelineEntry } from './timeline';

const STYLE: Record<TimelineEntry['kind'], string> = {
  opened: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  up: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  closed: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  down: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
  'owner-changed': 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
};
const LABEL: Record<TimelineEntry['kind'], string> = {
  opened: 'opened',
  closed: 'closed',
  'owner-changed': 'owner changed',
  up: 'up',
  down: 'down',
};

/** The port over time, newest first (at most 50 lines; the rest are in /api/history). */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0)
    return <p className="text-sm">Nothing recorded for this port yet: no listener change and no watch.</p>;
  return (
    <ol aria-label="Timeline" className="grid gap-1 text-sm">
      {entries.slice(0, 50).map((e, i) => (
        <li key={`${e.at}-${e.kind}-${i}`} className="flex flex-wrap items-baseline gap-2">
          <time dateTime={e.at} title={e.at} className="tabular-nums text-slate-600 dark:text-slate-400">
            {new Date(e.at).toLocaleDateString() === new Date().toLocaleDateString()
              ? formatClock(e.at)
              : `${new Date(e.at).toLocaleDateString()} ${formatClock(e.at)}`}
          </time>
          <span className={`rounded px-1.5 text-xs font-semibold ${STYLE[e.kind]}`}>{LABEL[e.kind]}</span>
          <span className="[overflow-wrap:anywhere]">{e.text}</span>
        </li>
      ))}
    </ol>
  );
}
