import Link from 'next/link';
import { LESSON_LABS } from '@/lib/labs/lesson-labs';

/** A lesson's way into its labs: the concept broken for real on this machine, to find and fix. */
export function TryLabs({ lesson }: { lesson: string }) {
  const labs = LESSON_LABS[lesson] ?? [];
  if (labs.length === 0) return null;
  return (
    <p data-try-labs={lesson}>
      Try the lab{labs.length > 1 ? 's' : ''}:{' '}
      {labs.map((lab, i) => (
        <span key={lab.id}>
          {i > 0 ? ' · ' : ''}
          <Link
            href={`/labs/${lab.id}`}
            className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
          >
            {lab.title}
          </Link>
        </span>
      ))}{' '}
      — the doctor breaks it for real, you find the cause and fix it.
    </p>
  );
}
