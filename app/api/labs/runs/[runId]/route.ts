import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { activeRun, runDetail } from '@/lib/labs';
import { runIdParam } from '@/lib/labs/schemas';
import { z } from 'zod';

export const dynamic = 'force-dynamic';

/** A running lab: its address, the answer choices, the fix, and every process it started (by pid). */
export function GET(request: Request, context: { params: Promise<{ runId: string }> }) {
  return getRoute(z.object({}), async () => {
    const parsed = runIdParam.safeParse((await context.params).runId);
    if (!parsed.success)
      return errorResponse(400, 'invalid-input', `runId: ${parsed.error.issues[0]?.message}`);
    const run = activeRun(parsed.data);
    if (!run) return errorResponse(404, 'unknown-run', `No lab run ${parsed.data} is running.`);
    return jsonResponse(runDetail(run));
  })(request);
}
