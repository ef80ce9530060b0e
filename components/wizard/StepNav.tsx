import type { Finding } from '@/lib/diagnosis/types';
import { MARK_LABEL } from '@/components/ui/severity';
import { StatusMark } from '@/components/ui/StatusMark';
import { STEPS } from '@/lib/diagnosis/steps';
import { markOfStep, stepAnchor } from './steps';

/** The four steps at a glance, each a link to its section: where the trouble is before reading any detail. */
export function StepNav({ findings }: { findings: readonly Finding[] }) {
  return (
    <nav aria-label="Steps">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {STEPS.map((step) => {
          const mark = markOfStep(findings, step.id);
          return (
            <li key={step.id}>
              <a
                href={`#${stepAnchor(step.id)}`}
                className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-slate-500"
              >
                <StatusMark mark={mark} size="sm" label={MARK_LABEL[mark]} />
                <span>
                  <span className="text-slate-500 dark:text-slate-400">{step.number}.</span> {step.title}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
