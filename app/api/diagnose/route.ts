import { diagnose } from '@/lib/diagnosis';
import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { diagnoseQuery } from '@/lib/api/schemas';
import { activeRun, diagnoseInRun } from '@/lib/labs';
import { runIdParam } from '@/lib/labs/schemas';

export const dynamic = 'force-dynamic';

export const GET = getRoute(
  // lab=<runId>: diagnose where that lab's situation is (inside its network namespace, for a root lab).
  diagnoseQuery.extend({ lab: runIdParam.optional() }),
  async ({ target, intent, lab }) => {
    const run = lab === undefined ? null : activeRun(lab);
    if (lab !== undefined && !run) return errorResponse(404, 'unknown-run', `No lab run ${lab} is running.`);
    const result = run
      ? await diagnoseInRun(run, target, intent ?? 'reach')
      : await diagnose(target, { intent });
    if (!result.ok) return errorResponse(result.status, result.error.code, result.error.message);
    return jsonResponse(result.diagnosis);
  },
  { probing: true },
);
