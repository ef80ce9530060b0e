import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { stopProcessInput } from '@/lib/api/schemas';
import { stopProcess } from '@/lib/host/actions/stop-process';

export const dynamic = 'force-dynamic';

/**
 * Stops the process that holds a port, after re-checking on fresh facts that it still does, that it is
 * the user's and the same process that was listed: the body's startedAt is required, and a null one (the
 * listing could not read it) is refused (lib/host/actions/stop-process.ts decides). 200 when it exited, 202 when it
 * is still running after the wait; every refusal is a 4xx with a reason.
 */
export const POST = postRoute<typeof stopProcessInput, { pid: string }>(stopProcessInput, async (input) => {
  const outcome = await stopProcess(input);
  if (!outcome.ok) return errorResponse(outcome.status, outcome.code, outcome.message);
  return jsonResponse(outcome.result, outcome.status);
});
