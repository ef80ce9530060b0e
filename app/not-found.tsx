import Link from 'next/link';

export default function NotFound() {
  return (
    <section aria-labelledby="nf" className="grid gap-3 pt-6">
      <h1 id="nf" className="text-2xl font-semibold">
        This page does not exist
      </h1>
      <p>
        To check an address, go to{' '}
        <Link href="/" className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300">
          the start page
        </Link>{' '}
        and type it, or open <span className="font-mono">/diagnose/localhost%3A3000</span> directly.
      </p>
    </section>
  );
}
