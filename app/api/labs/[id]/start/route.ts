import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { runSummary, startRun } from '@/lib/labs';
import { startInput } from '@/lib/labs/schemas';

export const dynamic = 'force-dynamic';

export const POST = postRoute(startInput, async ({ id }) => {
  const started = await startRun(id);
  if (!started.ok) return errorResponse(started.status, started.code, started.message);
  return jsonResponse({ run: runSummary(started.run) }, 201);
});
