import { Spinner } from '@/components/ui/Spinner';

/** The first wait (a second or two): say what is being checked instead of showing a blank page. */
export function CheckingNotice({ input }: { input: string }) {
  return (
    <section
      role="status"
      aria-live="polite"
      className="rounded-xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h1 className="flex items-center gap-3 text-xl font-semibold">
        <Spinner className="text-sky-700 dark:text-sky-400" />
        Checking <span className="font-mono">{input}</span>…
      </h1>
      <ul className="mt-3 grid gap-1 text-slate-700 dark:text-slate-300">
        <li>Looking up what the name means on this machine</li>
        <li>Finding the process that listens on the port</li>
        <li>Connecting to each address, then asking what answers (HTTP, TLS, something else)</li>
      </ul>
    </section>
  );
}
