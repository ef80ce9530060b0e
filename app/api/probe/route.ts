import { probeOnly } from '@/lib/diagnosis';
import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { probeQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** Connect attempts per resolved address and the application answer, without the rest of the diagnosis. */
export const GET = getRoute(
  probeQuery,
  async ({ target: input }) => {
    const result = await probeOnly(input);
    if (!result.ok) return errorResponse(result.status, result.error.code, result.error.message);
    const { target, resolution, attempts, application } = result;
    return jsonResponse({ target, resolution, attempts, application });
  },
  { probing: true },
);
