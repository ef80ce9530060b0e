import type { Metadata } from 'next';
import { connection } from 'next/server';
import { LabList } from '@/components/labs/LabList';
import { LABS, labListItem, readProgress, rootLabsAvailable } from '@/lib/labs';
import { parseLabSet } from '@/lib/labs/sequence';

export const metadata: Metadata = { title: 'Labs' };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Every lab with this machine's progress; `?set=a,b,c` shows just that sequence, in that order. */
export default async function LabsPage({ searchParams }: Props) {
  await connection();
  const { set } = await searchParams;
  const { byLab, unsaved } = readProgress();
  const rootOk = await rootLabsAvailable();
  const sequence = parseLabSet(
    set,
    LABS.map((l) => l.id),
  );
  const chosen = sequence ? sequence.ids.map((id) => LABS.find((l) => l.id === id)!) : LABS;
  return (
    <div className="grid gap-6">
      <header className="grid gap-3 pt-4">
        <h1 className="text-3xl font-semibold tracking-tight">Labs: break it, find it, fix it</h1>
        <p className="max-w-3xl text-lg text-slate-700 dark:text-slate-300">
          Each lab really breaks something on this machine — a server on the wrong address, a port held by
          another process, a firewall rule — using processes the doctor starts on loopback and stops again.
          You find the cause with the doctor, fix it in your terminal, and the lab checks your fix.
        </p>
        {sequence ? (
          <p className="text-slate-700 dark:text-slate-300">
            A sequence of {sequence.ids.length} {sequence.ids.length === 1 ? 'lab' : 'labs'}, in this order.
            {sequence.unknown.length > 0 ? ` Not a lab here: ${sequence.unknown.join(', ')}.` : ''}
          </p>
        ) : null}
        {unsaved ? (
          <p role="status" className="text-amber-800 dark:text-amber-300">
            Progress is not being saved right now: {unsaved}. The labs still run.
          </p>
        ) : null}
      </header>
      <LabList labs={chosen.map((lab) => labListItem(lab, byLab, rootOk))} />
      <footer className="flex flex-wrap gap-4 text-sm">
        <span className="text-slate-700 dark:text-slate-300">Export progress for a teacher:</span>
        <a href="/api/labs/progress?format=json" className="text-sky-800 underline dark:text-sky-300">
          JSON
        </a>
        <a href="/api/labs/progress?format=csv" className="text-sky-800 underline dark:text-sky-300">
          CSV
        </a>
      </footer>
    </div>
  );
}
