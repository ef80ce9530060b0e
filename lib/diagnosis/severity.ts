import type { Severity } from '@/lib/diagnosis/types';

/**
 * error > warning > ok > info. An info finding is commentary ("check it yourself", "no client is connected"),
 * not a verdict: ok is a result, so it outranks info in the summary, an info note does not turn a passing
 * step blue, and notes read best after the findings that judge.
 */
const RANK: Record<Severity, number> = { error: 3, warning: 2, ok: 1, info: 0 };

/** The worst severity among some findings, or null when there are none. */
export function worstSeverity(severities: readonly Severity[]): Severity | null {
  return severities.reduce<Severity | null>(
    (worst, s) => (worst === null || RANK[s] > RANK[worst] ? s : worst),
    null,
  );
}

/** Findings worst first, keeping the engine's order among equals. */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => RANK[b.severity] - RANK[a.severity]);
}
