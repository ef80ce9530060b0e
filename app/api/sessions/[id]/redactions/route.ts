import { errorResponse, getRoute, jsonResponse, storeUnavailableResponse } from '@/lib/api/respond';
import { redactCase } from '@/lib/cases/redact';
import { redactionQuery, sessionIdSchema } from '@/lib/cases/report-query';
import { loadSessionCase } from '@/lib/cases/session-case';
import { getStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/** What a case file of this session would hide before it leaves the machine: each redaction, to keep or not. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return getRoute(redactionQuery, async (query) => {
    const sessionId = sessionIdSchema.safeParse(id);
    if (!sessionId.success)
      return errorResponse(400, 'invalid-input', `id: ${sessionId.error.issues[0]!.message}`);
    const loaded = loadSessionCase(getStore(), sessionId.data);
    if (loaded.status === 'unavailable') return storeUnavailableResponse(loaded.reason);
    if (loaded.status === 'not-found')
      return errorResponse(404, 'session-not-found', `There is no session ${sessionId.data}.`);
    const { redactions } = redactCase(loaded.caseFile, { keep: query.keep, hostname: query.hostname });
    const kept = new Set(query.keep);
    return jsonResponse({
      sessionId: sessionId.data,
      hostname: query.hostname,
      redactions: redactions.map((r) => ({ ...r, kept: kept.has(r.id) })),
    });
  })(request);
}
