'use client';

import Link from 'next/link';

/** A rendering error: say so plainly, offer a retry, and point at the terminal where the details are. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && 'digest' in error
      ? String((error as Error & { digest?: string }).digest ?? '')
      : '';
  return (
    <section role="alert" aria-labelledby="err" className="grid gap-3 pt-6">
      <h1 id="err" className="text-2xl font-semibold">
        Something went wrong on this page
      </h1>
      <p>
        Localhost Doctor hit an unexpected error while showing it. The terminal running{' '}
        <code className="font-mono">npm start</code> has the details{digest ? ` (look for ${digest})` : ''}.
      </p>
      <p className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 dark:bg-sky-400 dark:text-slate-950"
        >
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-400 px-4 py-2 font-medium">
          Start over
        </Link>
      </p>
    </section>
  );
}
