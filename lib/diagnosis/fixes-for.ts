import type { Fix, Platform } from '@/lib/diagnosis/types';

/** The fixes that apply on `platform`: its own plus the ones that are the same everywhere, in the check's order. */
export function fixesFor(fixes: readonly Fix[], platform: Platform): Fix[] {
  return fixes.filter((f) => f.platform === platform || f.platform === 'any');
}
