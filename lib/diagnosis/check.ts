import type { Facts, Finding } from '@/lib/diagnosis/types';

/**
 * Which finding the summary names as the cause when several of the worst severity are true at once: the
 * lowest rank ("nothing listens" explains "refused"). null: a finding that explains no other one, so it is
 * never named ahead of a ranked finding.
 */
export type CauseRank = number | null;

/** A pure check: every finding id it can produce, each with its cause rank, and the function itself. */
export interface Check<Id extends string = string> {
  readonly ids: Readonly<Record<Id, CauseRank>>;
  readonly run: (facts: Facts) => Finding<Id>[];
}

/** Declares a check with the ids it produces: a finding with an id it did not declare is a type error. */
export function defineCheck<const Id extends string>(
  ids: Record<Id, CauseRank>,
  run: (facts: Facts) => Finding<NoInfer<Id>>[],
): Check<Id> {
  return { ids, run };
}
