import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { LabRunner } from '@/components/labs/LabRunner';
import { choicesFor, labById, rootLabsAvailable } from '@/lib/labs';

interface Props {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lab = labById((await params).id);
  return { title: lab ? `Lab: ${lab.title}` : 'Lab' };
}

/** One lab: the story, then the run (the answer it teaches stays on the server). */
export default async function LabPage({ params }: Props) {
  await connection();
  const lab = labById((await params).id);
  if (!lab) notFound();
  const available = !lab.needsRoot || (await rootLabsAvailable());
  return (
    <div className="grid gap-6">
      <header className="grid gap-3 pt-4">
        <p className="text-sm">
          <Link href="/labs" className="text-sky-800 underline dark:text-sky-300">
            All labs
          </Link>
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">{lab.title}</h1>
        <p className="max-w-3xl text-lg text-slate-700 dark:text-slate-300">{lab.story}</p>
        {lab.needsRoot ? (
          <p className="text-amber-800 dark:text-amber-300">
            Needs root: this lab builds its situation inside a network namespace of its own.
          </p>
        ) : null}
      </header>
      {available ? (
        <LabRunner labId={lab.id} choices={choicesFor(lab)} />
      ) : (
        <p role="status">Start the doctor as root (with ip netns and nft) to run this lab.</p>
      )}
    </div>
  );
}
