import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { stopRun } from '@/lib/labs';
import { runInput } from '@/lib/labs/schemas';

export const dynamic = 'force-dynamic';

/** Answers once every process the run started has exited and its namespace is gone. */
export const POST = postRoute(runInput, async ({ runId }) => {
  if (!(await stopRun(runId))) return errorResponse(404, 'unknown-run', `No lab run ${runId} is running.`);
  return jsonResponse({ stopped: true });
});
