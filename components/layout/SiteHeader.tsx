import Link from 'next/link';

/** The banner landmark: the name (home) and the places a person goes: diagnose, learn, labs. */
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/60">
      <div className="mx-auto flex w-full max-w-4xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="grid h-7 w-7 place-items-center rounded-md bg-sky-700 text-white dark:bg-sky-400 dark:text-slate-950"
          >
            {/* A pulse line: the doctor's mark, drawn so it never depends on a font having the glyph. */}
            <svg
              viewBox="0 0 24 24"
              className="h-5 w-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <polyline points="2,12 7,12 10,5 14,19 17,12 22,12" />
            </svg>
          </span>
          Localhost Doctor
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1 text-sm">
            <li>
              <Link
                href="/"
                className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
              >
                Diagnose
              </Link>
            </li>
            <li>
              <Link
                href="/learn"
                className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
              >
                Learn
              </Link>
            </li>
            <li>
              <Link
                href="/labs"
                className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
              >
                Labs
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
