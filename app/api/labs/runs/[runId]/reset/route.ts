import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { resetRun, runSummary } from '@/lib/labs';
import { runInput } from '@/lib/labs/schemas';

export const dynamic = 'force-dynamic';

/** The broken situation from scratch: everything the run started is stopped first, then set up again. */
export const POST = postRoute(runInput, async ({ runId }) => {
  const reset = await resetRun(runId);
  if (!reset.ok) return errorResponse(reset.status, reset.code, reset.message);
  return jsonResponse({ run: runSummary(reset.run) });
});
