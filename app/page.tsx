import Link from 'next/link';
import { ListeningNow } from '@/components/home/ListeningNow';
import { RecentSessions } from '@/components/home/RecentSessions';
import { TargetForm } from '@/components/home/TargetForm';
import { diagnoseHref } from '@/components/ui/hrefs';

const EXAMPLES = [
  { text: '127.0.0.1:62893', why: 'a port a tool printed' },
  { text: 'localhost:3000', why: 'a dev server' },
  { text: '0.0.0.0:8000', why: 'what a server said it binds' },
];

export default function HomePage() {
  return (
    <div className="grid gap-10">
      <section aria-labelledby="question" className="grid gap-4 pt-6">
        <h1 id="question" className="text-3xl font-semibold tracking-tight sm:text-4xl">
          What address are you trying to reach?
        </h1>
        <p className="max-w-2xl text-lg text-slate-700 dark:text-slate-300">
          Localhost Doctor looks at this machine — who listens, what answers — and tells you why the address
          does not work and what to type to fix it.
        </p>
        <TargetForm labelledBy="question" />
        <p className="text-sm text-slate-700 dark:text-slate-300">
          For example:{' '}
          {EXAMPLES.map((e, i) => (
            <span key={e.text}>
              {i > 0 ? ' · ' : ''}
              <Link
                href={diagnoseHref(e.text)}
                className="font-mono text-sky-800 underline underline-offset-2 dark:text-sky-300"
              >
                {e.text}
              </Link>{' '}
              <span className="text-slate-500 dark:text-slate-400">({e.why})</span>
            </span>
          ))}
        </p>
      </section>
      <RecentSessions />
      <section aria-labelledby="listening" className="grid gap-3">
        <h2 id="listening" className="text-xl font-semibold tracking-tight">
          Listening on this machine right now
        </h2>
        <ListeningNow />
      </section>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        New to ports and addresses?{' '}
        <Link
          href="/learn"
          className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
        >
          Short lessons, with this machine’s real values
        </Link>
        .
      </p>
    </div>
  );
}
