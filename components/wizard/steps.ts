/**
 * How findings map onto the four steps. The engine decides each finding's step and severity; this only groups
 * and orders them, and names the step's mark after its worst finding.
 */
import type { Finding, Step } from '@/lib/diagnosis/types';
import type { Mark } from '@/components/ui/severity';
import { bySeverity, worstSeverity } from '@/lib/diagnosis/severity';

export const stepAnchor = (step: Step) => `step-${step}`;

export function findingsOf(findings: readonly Finding[], step: Step): Finding[] {
  return bySeverity(findings.filter((f) => f.step === step));
}

/**
 * The Fix step lists every problem wherever it was found (errors and warnings, worst first) plus its own
 * findings, and separately everything that was checked and found fine.
 */
export function fixStepFindings(findings: readonly Finding[]): { toFix: Finding[]; fine: Finding[] } {
  return {
    toFix: bySeverity(findings.filter((f) => f.step === 'fix' || isProblem(f))),
    fine: findings.filter((f) => f.severity === 'ok'),
  };
}

export function stepMark(findings: readonly Finding[]): Mark {
  return worstSeverity(findings.map((f) => f.severity)) ?? 'none';
}

/** Errors and warnings, the findings the Fix step counts as "to fix". */
export const isProblem = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

export function markOfStep(findings: readonly Finding[], step: Step): Mark {
  if (step !== 'fix') return stepMark(findingsOf(findings, step));
  // The Fix step is judged by its problems alone: a note (info) there does not make "nothing to fix" blue.
  const problems = findings.filter(isProblem);
  if (problems.length > 0) return stepMark(problems);
  return findings.length > 0 ? 'ok' : 'none';
}
