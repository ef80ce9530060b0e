import { diagnose } from '@/lib/diagnosis';
import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { diagnoseQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = getRoute(
  diagnoseQuery,
  async ({ target, intent }) => {
    const result = await diagnose(target, { intent });
    if (!result.ok) return errorResponse(result.status, result.error.code, result.error.message);
    return jsonResponse(result.diagnosis);
  },
  { probing: true },
);
