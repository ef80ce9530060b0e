import { CHECKS } from '@/lib/diagnosis/checks';
import { summarize } from '@/lib/diagnosis/summary';
import type { Diagnosis, Facts } from '@/lib/diagnosis/types';

/** Pure: facts in, findings and summary out. The API, the CLI and the tests all come through here. */
export function runChecks(facts: Facts): Diagnosis {
  const findings = CHECKS.flatMap((check) => check(facts));
  return { target: facts.target, facts, findings, summary: summarize(findings, facts.platform) };
}
