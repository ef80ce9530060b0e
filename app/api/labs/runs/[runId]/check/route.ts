import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { checkRun } from '@/lib/labs';
import { checkInput } from '@/lib/labs/schemas';

export const dynamic = 'force-dynamic';

export const POST = postRoute(
  checkInput,
  async ({ runId, target }) => {
    const outcome = await checkRun(runId, target);
    if ('ok' in outcome) return errorResponse(outcome.status, outcome.code, outcome.message);
    return jsonResponse(outcome);
  },
  { probing: true },
);
