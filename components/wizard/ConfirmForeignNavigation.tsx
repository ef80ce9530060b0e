import Link from 'next/link';

/**
 * Another site sent the browser to this diagnosis: nothing is probed until the user says so, or any web page
 * could make the doctor send a request with a path of its choosing to a local service (docs/security.md).
 */
export function ConfirmForeignNavigation({ input, onConfirm }: { input: string; onConfirm: () => void }) {
  return (
    <section
      aria-labelledby="confirm-foreign-title"
      className="grid gap-4 rounded-xl border border-amber-300 bg-amber-50 p-6 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
    >
      <h1 id="confirm-foreign-title" className="text-xl font-semibold">
        You were sent here from another site: diagnose{' '}
        <span className="break-all font-mono" data-testid="foreign-target">
          {input}
        </span>
        ?
      </h1>
      <p>
        A diagnosis connects to this address and, if something answers, sends it a request for this exact
        path. Nothing has been checked yet. Go on only if you meant to diagnose this address.
      </p>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onConfirm}
          className="rounded-md bg-amber-700 px-4 py-2 font-medium text-white hover:bg-amber-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500"
        >
          Diagnose this address
        </button>
        <Link
          href="/"
          className="rounded-md border border-amber-400 px-4 py-2 font-medium hover:bg-amber-100 dark:hover:bg-amber-900"
        >
          Go to the home page instead
        </Link>
      </div>
    </section>
  );
}
