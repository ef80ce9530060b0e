import type { ReactNode } from 'react';
import type { Mark } from '@/components/ui/severity';
import { MARK_LABEL, MARK_TEXT } from '@/components/ui/severity';
import { StatusMark } from '@/components/ui/StatusMark';
import { type StepInfo } from '@/lib/diagnosis/steps';
import { stepAnchor } from './steps';

/** One of the four steps: a numbered, titled landmark with its status in words and as a mark. */
export function StepSection({
  step,
  mark,
  statusText,
  children,
}: {
  step: StepInfo;
  mark: Mark;
  statusText?: string;
  children: ReactNode;
}) {
  const id = stepAnchor(step.id);
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="rounded-xl border border-slate-200 bg-white/60 p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900/40"
    >
      <header className="mb-4 flex flex-wrap items-center gap-3">
        <span
          aria-hidden="true"
          className="grid h-8 w-8 place-items-center rounded-full border border-slate-300 text-sm font-semibold text-slate-600 dark:border-slate-600 dark:text-slate-300"
        >
          {step.number}
        </span>
        <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
          <span className="sr-only">Step {step.number}: </span>
          {step.title}
        </h2>
        <span className={`ml-auto inline-flex items-center gap-2 text-sm font-medium ${MARK_TEXT[mark]}`}>
          <StatusMark mark={mark} size="sm" label={`${step.title}: ${statusText ?? MARK_LABEL[mark]}`} />
          <span aria-hidden="true">{statusText ?? MARK_LABEL[mark]}</span>
        </span>
      </header>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4">{children}</div>
    </section>
  );
}

/** A labelled block of facts inside a step ("Who listens", "Each address"), visually quieter than findings. */
export function FactsBlock({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-2">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {title}
      </h3>
      {children}
    </div>
  );
}
