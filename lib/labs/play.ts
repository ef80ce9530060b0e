import 'server-only';
import type { FindingId } from '@/lib/diagnosis/checks';
import { hasFinding } from './findings';
import { getStore, markLabSolved, recordLabAttempt } from '@/lib/store';
import { causeLabel } from './choices';
import { diagnoseInRun } from './diagnose-in-run';
import { activeRun, unknownRun, type ActiveRun, type LabFailure } from './runs';

export interface AnswerOutcome {
  correct: boolean;
  explanation: string;
  /** Why the attempt was not saved (the store is paused), absent when it was. */
  unsaved?: string;
}

export interface CheckOutcome {
  solved: boolean;
  hint: string;
  unsaved?: string;
}

/**
 * The next hint, after a wrong answer or a failed check: more specific each time, the last one repeated.
 * The first hint is on the page from the start, so the first miss gives the second.
 */
function nextHint(run: ActiveRun): string {
  const { hints } = run.situation;
  run.misses += 1;
  return hints[Math.min(run.misses, hints.length - 1)] ?? '';
}

/** One answer to "what is wrong?": counted as an attempt; the explanation quotes the run's real facts. */
export function answerRun(runId: string, findingId: FindingId): AnswerOutcome | LabFailure {
  const run = activeRun(runId);
  if (!run) return unknownRun(runId);
  const correct = findingId === run.lab.teaches;
  const saved = getStore().write((db) => recordLabAttempt(db, { runId, solved: false }));
  const explanation = correct
    ? `Right: ${causeLabel(findingId).toLowerCase()}. ${run.situation.explanation}`
    : `Not quite: “${causeLabel(findingId)}” does not fit what this run shows. ${nextHint(run)}`;
  return { correct, explanation, ...(saved.ok ? {} : { unsaved: saved.reason }) };
}

/**
 * The lab's check of the learner's fix: the same diagnosis the wizard shows, of the lab's target (or of the
 * address the learner now uses, for a lab whose fix is a different address).
 */
export async function checkRun(runId: string, candidate?: string): Promise<CheckOutcome | LabFailure> {
  const run = activeRun(runId);
  if (!run) return unknownRun(runId);
  const { situation, lab } = run;
  if (candidate !== undefined && candidate !== situation.target && !situation.acceptsTarget?.(candidate))
    return {
      ok: false,
      status: 409,
      code: 'target-not-in-lab',
      message: `This lab checks ${situation.target}; ${candidate} is not an address of this lab.`,
    };
  const target = candidate ?? situation.target;
  const result = await diagnoseInRun(run, target, situation.intent);
  if (!result.ok) return { ok: false, status: 409, code: result.error.code, message: result.error.message };
  const d = result.diagnosis;
  const solved = situation.solved
    ? situation.solved(d)
    : !hasFinding(d, lab.teaches) && hasFinding(d, 'http-ok');
  const saved = solved ? getStore().write((db) => markLabSolved(db, { runId })) : { ok: true as const };
  const hint = solved
    ? `Solved. The doctor now says: ${d.summary.headline}`
    : `Not yet. The doctor says: ${d.summary.headline} ${nextHint(run)}`;
  return { solved, hint, ...(saved.ok ? {} : { unsaved: saved.reason }) };
}
