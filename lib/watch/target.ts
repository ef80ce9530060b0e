import type { Target } from '@/lib/target';

/**
 * One spelling per watched address, so "http://localhost:3000/" and "localhost:3000" are one watch: http is
 * the probe's default scheme and "/" its default path, so only https and a real path are kept.
 */
export function canonicalWatchTarget(t: Target): string {
  return `${t.scheme === 'https' ? 'https://' : ''}${t.display}${t.path === '/' ? '' : t.path}`;
}
