import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { answerRun } from '@/lib/labs';
import { answerInput } from '@/lib/labs/schemas';

export const dynamic = 'force-dynamic';

export const POST = postRoute(answerInput, async ({ runId, findingId }) => {
  const outcome = answerRun(runId, findingId);
  if ('ok' in outcome) return errorResponse(outcome.status, outcome.code, outcome.message);
  return jsonResponse(outcome);
});
