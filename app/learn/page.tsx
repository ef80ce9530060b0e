import type { Metadata } from 'next';
import type { JSX } from 'react';
import Link from 'next/link';
import { connection } from 'next/server';
import { LESSONS } from '@/lib/learn/lessons';
import { lessonParams, readLearnValues, type LearnValues } from '@/lib/learn/live-values';
import { BindAddressesLesson } from '@/components/learn/lessons/BindAddressesLesson';
import { FirewallsLesson } from '@/components/learn/lessons/FirewallsLesson';
import { HttpLesson } from '@/components/learn/lessons/HttpLesson';
import { LoopbackLesson } from '@/components/learn/lessons/LoopbackLesson';
import { PortConflictsLesson } from '@/components/learn/lessons/PortConflictsLesson';
import { PortRangesLesson } from '@/components/learn/lessons/PortRangesLesson';
import { PortsLesson } from '@/components/learn/lessons/PortsLesson';
import { ToolsLesson } from '@/components/learn/lessons/ToolsLesson';
import { formatClock } from '@/components/ui/format';
import { OsProvider } from '@/components/ui/os';
import { OsSwitch } from '@/components/ui/OsSwitch';

export const metadata: Metadata = { title: 'Learn' };

/** Each lesson's body by slug; LESSONS (lib/learn/lessons.ts) gives the reading order and the titles. */
const BODIES: Record<string, (props: { values: LearnValues }) => JSX.Element> = {
  loopback: LoopbackLesson,
  ports: PortsLesson,
  'port-ranges': PortRangesLesson,
  'bind-addresses': BindAddressesLesson,
  firewalls: FirewallsLesson,
  'port-conflicts': PortConflictsLesson,
  tools: ToolsLesson,
  http: HttpLesson,
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Lessons with this machine's values, read at request time (never prerendered: the values are live). */
export default async function LearnPage({ searchParams }: Props) {
  await connection();
  const sp = await searchParams;
  const values = await readLearnValues(lessonParams(sp.port, sp.host));
  return (
    <OsProvider initial={values.platform}>
      <div className="grid gap-8">
        <header className="grid gap-3 pt-4">
          <h1 className="text-3xl font-semibold tracking-tight">How local addresses work</h1>
          <p className="max-w-3xl text-lg text-slate-700 dark:text-slate-300">
            Short lessons for everything the wizard checks. Each one shows values read from this machine at{' '}
            {formatClock(values.readAt)}, using port <span className="font-mono">{values.port}</span> as the
            example
            {sp.port ? '' : ' (open a lesson from a diagnosis to use your own port)'}.
          </p>
          <nav
            aria-label="Lessons"
            className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
          >
            <ol className="grid list-decimal gap-1 pl-5 sm:grid-cols-2">
              {LESSONS.map((l) => (
                <li key={l.slug}>
                  <a
                    href={`#${l.slug}`}
                    className="text-sky-800 underline underline-offset-2 dark:text-sky-300"
                  >
                    {l.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <OsSwitch hostOs={values.platform} />
        </header>
        {LESSONS.map(({ slug }) => {
          const Body = BODIES[slug];
          return Body ? <Body key={slug} values={values} /> : null;
        })}
        <p className="border-t border-slate-200 pt-6 dark:border-slate-800">
          <Link href="/" className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300">
            Diagnose an address →
          </Link>
        </p>
      </div>
    </OsProvider>
  );
}
