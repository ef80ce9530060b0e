import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Finding, Fix } from '@/lib/diagnosis/types';
import { lessonHref } from '@/lib/learn/lessons';
import { CommandList } from '@/components/ui/CommandList';
import { RichText } from '@/components/ui/RichText';
import { SEVERITY_EDGE } from '@/components/ui/severity';
import { StatusMark } from '@/components/ui/StatusMark';

export interface LessonTarget {
  host: string;
  port: number;
}

export interface FindingCardProps {
  finding: Finding;
  lessonTarget: LessonTarget;
  /** Lay many commands out as a table, label beside command (the start commands for a dozen stacks). */
  denseFixes?: boolean;
  /** A fix to show first (the summary's first fix, on the finding it names as the cause). */
  preferredFix?: Fix | null;
  /** Show only the first fix and link to the step where all of them are (the Fix step's summary of others). */
  fixesAt?: { href: string; stepTitle: string };
  /** Things to do about it right here (stop the holder, use a free port), shown before the commands. */
  actions?: ReactNode;
}

/** One finding, as the engine wrote it: mark, title, the detail that quotes the facts, its lesson and fixes. */
export function FindingCard({
  finding,
  lessonTarget,
  denseFixes,
  preferredFix,
  fixesAt,
  actions,
}: FindingCardProps) {
  // Unique per place: the Fix step shows findings from other steps a second time.
  const titleId = `finding-${finding.id}-${fixesAt ? 'fix' : finding.step}`;
  return (
    <article
      aria-labelledby={titleId}
      data-finding={finding.id}
      className={`rounded-lg border border-l-4 border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900 ${SEVERITY_EDGE[finding.severity]}`}
    >
      <div className="flex items-start gap-3">
        <StatusMark mark={finding.severity} size="sm" />
        <div className="min-w-0 flex-1">
          <h3 id={titleId} className="font-semibold leading-snug">
            <RichText text={finding.title} />
          </h3>
          <p className="mt-1 text-[15px] leading-relaxed text-slate-700 dark:text-slate-300">
            <RichText text={finding.detail} />
          </p>
          {finding.lesson ? (
            <p className="mt-2 text-sm">
              <Link
                href={lessonHref(finding.lesson, lessonTarget)}
                className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100"
              >
                What’s happening?
              </Link>
            </p>
          ) : null}
          {finding.link ? (
            <p className="mt-2 text-sm">
              <Link
                href={finding.link.href}
                className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100"
              >
                {finding.link.label}
              </Link>
            </p>
          ) : null}
          {actions ? <div className="mt-3">{actions}</div> : null}
          {finding.fixes.length > 0 ? (
            <div className="mt-3">
              {actions ? (
                // After buttons that act, say what the commands are: the same, done by hand.
                <p className="mb-2 text-sm font-semibold">Or do it yourself in a terminal</p>
              ) : null}
              <CommandList
                fixes={
                  preferredFix
                    ? [preferredFix, ...finding.fixes.filter((f) => f.command !== preferredFix.command)]
                    : finding.fixes
                }
                dense={denseFixes}
                limit={fixesAt ? 1 : undefined}
                more={
                  fixesAt
                    ? (hidden) => (
                        <a
                          href={fixesAt.href}
                          className="text-sm font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
                        >
                          {hidden} more {hidden === 1 ? 'command' : 'commands'} in “{fixesAt.stepTitle}”
                        </a>
                      )
                    : undefined
                }
              />
            </div>
          ) : null}
        </div>
      </div>
    </article>
  );
}
