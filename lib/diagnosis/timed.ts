import 'server-only';
import type { Fact } from '@/lib/diagnosis/types';

/**
 * Runs one gatherer with its own deadline and turns the outcome into a Fact: a slow or failing source
 * costs at most `timeoutMs` and becomes "could not read X" instead of failing the whole diagnosis.
 */
export async function timedFact<T>(
  source: string,
  timeoutMs: number,
  read: () => Promise<T>,
): Promise<Fact<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const value = await Promise.race([read(), deadline]);
    return { status: 'ok', value, source, durationMs: Math.round(performance.now() - started) };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return { status: 'failed', error, source, durationMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
