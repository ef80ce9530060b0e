import type { CauseRank } from '@/lib/diagnosis/check';
import { CHECKS } from '@/lib/diagnosis/checks';
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { worstSeverity } from '@/lib/diagnosis/severity';
import type { Finding, FindingId, Fix, Platform, Summary } from '@/lib/diagnosis/types';

/**
 * Which finding is the root cause when several are true at once: "nothing listens" explains "refused", a
 * family mismatch explains a refusal on one address, and so on. Earlier = closer to the root. Each check
 * declares the rank of each id it produces; ids without a rank come after all of these.
 */
export const CAUSE_ORDER: readonly FindingId[] = CHECKS.flatMap(
  (check) => Object.entries(check.ids) as [FindingId, CauseRank][],
)
  .filter((entry): entry is [FindingId, number] => entry[1] !== null)
  .sort((a, b) => a[1] - b[1])
  .map(([id]) => id);

function causeRank(f: Finding): number {
  const i = CAUSE_ORDER.indexOf(f.id);
  return i === -1 ? CAUSE_ORDER.length : i;
}

/** The first fix, in the order the check listed them, that applies on this platform. */
function firstFixFor(f: Finding, platform: Platform): Fix | null {
  return fixesFor(f.fixes, platform)[0] ?? null;
}

/** One headline from the findings: the worst severity first, and within it the finding closest to the root cause. */
export function summarize(findings: Finding[], platform: Platform): Summary {
  const severity = worstSeverity(findings.map((f) => f.severity)) ?? 'info';
  const candidates = findings.filter((f) => f.severity === severity);
  const cause = [...candidates].sort((a, b) => causeRank(a) - causeRank(b))[0];
  if (!cause) return { severity, headline: 'Nothing to report.', cause: null, firstFix: null };
  const fix = cause.action ? null : firstFixFor(cause, platform);
  const first = cause.action ?? (fix ? `${fix.label.charAt(0).toLowerCase()}${fix.label.slice(1)}` : null);
  // Only warnings, and the address works: lead with the success, then the warning ("…answers, but …").
  const success = severity === 'warning' ? findings.find((f) => f.id === 'http-ok') : undefined;
  const headline =
    severity === 'ok' || severity === 'info'
      ? cause.title
      : success
        ? `${success.title}, but ${cause.title.charAt(0).toLowerCase()}${cause.title.slice(1)}`
        : `${cause.title}.${first ? ` First: ${first}.` : ''}`;
  return { severity, headline, cause: cause.id, firstFix: fix };
}
