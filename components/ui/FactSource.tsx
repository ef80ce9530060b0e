import type { Fact } from '@/lib/diagnosis/types';
import { formatMs } from './format';

/**
 * The footnote under a fact: what was read, from where (`from`, e.g. the /proc files) and how long it took —
 * or, plainly, why it could not be read.
 */
export function FactSource<T>({ fact, from }: { fact: Fact<T>; from?: string }) {
  if (fact.status === 'failed') {
    return (
      <p className="text-sm text-amber-800 dark:text-amber-200">
        Could not read {fact.source}: {fact.error}
      </p>
    );
  }
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      Source: {fact.source}
      {from ? (
        <>
          , from <span className="font-mono">{from}</span>
        </>
      ) : null}{' '}
      · {formatMs(fact.durationMs)}
    </p>
  );
}
