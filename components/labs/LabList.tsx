import Link from 'next/link';

export interface LabListEntry {
  id: string;
  title: string;
  brief: string;
  needsRoot: boolean;
  available: boolean;
  progress: { attempts: number; solved: boolean; bestSeconds: number | null };
}

function progressText(p: LabListEntry['progress']): string {
  if (p.solved)
    return `Solved${p.bestSeconds !== null ? ` in ${formatSeconds(p.bestSeconds)}` : ''} · ${p.attempts} ${p.attempts === 1 ? 'answer' : 'answers'}`;
  if (p.attempts > 0) return `${p.attempts} ${p.attempts === 1 ? 'answer' : 'answers'}, not solved yet`;
  return 'Not tried yet';
}

export function formatSeconds(s: number): string {
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The labs as an ordered list: each with its progress; a root-only lab is marked and, without root, disabled. */
export function LabList({ labs }: { labs: LabListEntry[] }) {
  return (
    <ol className="grid gap-3" aria-label="Labs">
      {labs.map((lab, i) => (
        <li
          key={lab.id}
          data-lab={lab.id}
          className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">
              <span className="mr-2 text-slate-500 dark:text-slate-400">{i + 1}.</span>
              {lab.available ? (
                <Link href={`/labs/${lab.id}`} className="text-sky-800 underline dark:text-sky-300">
                  {lab.title}
                </Link>
              ) : (
                <span aria-disabled="true" className="text-slate-500 dark:text-slate-400">
                  {lab.title}
                </span>
              )}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-300">{progressText(lab.progress)}</p>
          </div>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{lab.brief}</p>
          {lab.needsRoot ? (
            <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
              Needs root: it runs in a network namespace of its own (firewall rules, 0.0.0.0).
              {lab.available ? '' : ' Start the doctor as root (with ip netns and nft) to open it.'}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
