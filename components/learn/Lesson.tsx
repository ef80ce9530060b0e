import Link from 'next/link';
import type { ReactNode } from 'react';
import { lessonTitle } from '@/lib/learn/lessons';
import { diagnoseHref } from '@/components/ui/hrefs';

/**
 * One lesson: the concept in a few paragraphs, a box with this machine's live values, and a way into the
 * wizard with an address that shows the concept.
 */
export function Lesson({
  slug,
  live,
  tryTarget,
  children,
}: {
  slug: string;
  live: ReactNode;
  tryTarget: string;
  children: ReactNode;
}) {
  return (
    <section
      id={slug}
      aria-labelledby={`${slug}-title`}
      className="grid gap-4 border-t border-slate-200 pt-8 dark:border-slate-800"
    >
      <h2 id={`${slug}-title`} className="text-2xl font-semibold tracking-tight">
        {lessonTitle(slug)}
      </h2>
      <div className="grid max-w-3xl gap-3 leading-relaxed text-slate-800 dark:text-slate-200">
        {children}
      </div>
      <aside
        aria-label={`On this machine: ${lessonTitle(slug)}`}
        className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/30"
      >
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-emerald-900 dark:text-emerald-200">
          On this machine, right now
        </p>
        <div className="grid gap-2 text-slate-900 dark:text-slate-100">{live}</div>
      </aside>
      <p>
        <Link
          href={diagnoseHref(tryTarget)}
          className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
        >
          Try it in the wizard: diagnose <span className="font-mono">{tryTarget}</span> →
        </Link>
      </p>
    </section>
  );
}

/** Inline code for addresses, ports and commands inside prose. */
export function C({ children }: { children: ReactNode }) {
  return (
    <code className="rounded bg-slate-200/70 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">
      {children}
    </code>
  );
}
