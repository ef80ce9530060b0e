import type { ReactNode } from 'react';
import { ApiError } from '@/components/data/api';
import { adviceFor } from './error-advice';
import { RichText } from './RichText';

/** An API or network error as two plain sentences: what happened, and what to try. Never a stack trace. */
export function ErrorNotice({ error, title, action }: { error: unknown; title: string; action?: ReactNode }) {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(0, 'unknown', error instanceof Error ? error.message : String(error));
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">
        <RichText text={apiError.message} />
      </p>
      <p className="mt-1 text-sm">
        <RichText text={adviceFor(apiError)} />
      </p>
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
