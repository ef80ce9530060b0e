import { CHECKS } from '@/lib/diagnosis/checks';
import { summarize } from '@/lib/diagnosis/summary';
import type { Diagnosis, Facts, Finding } from '@/lib/diagnosis/types';

const RUN: readonly ((facts: Facts) => Finding[])[] = CHECKS.map((check) => check.run);

/** Pure: facts in, findings and summary out. The API, the CLI and the tests all come through here. */
export function runChecks(facts: Facts): Diagnosis {
  const findings = RUN.flatMap((run) => run(facts));
  return { target: facts.target, facts, findings, summary: summarize(findings, facts.platform) };
}
