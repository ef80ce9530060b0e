import { errorResponse, getRoute, jsonResponse, postRoute } from '@/lib/api/respond';
import { prepareTarget } from '@/lib/diagnosis';
import { createSessionInput, listSessionsQuery } from '@/lib/sessions/schemas';
import { newSession, recentSessions } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/** Recent sessions, newest first. */
export const GET = getRoute(listSessionsQuery, async ({ limit }) => {
  const r = recentSessions(limit ?? 20);
  return r.ok ? jsonResponse({ sessions: r.value }) : r.response;
});

/** Opens a session for a target, which must pass the same parsing and policy as a diagnosis (nothing probed). */
export const POST = postRoute(createSessionInput, async ({ target }) => {
  const prepared = await prepareTarget(target);
  if (!prepared.ok) return errorResponse(prepared.status, prepared.error.code, prepared.error.message);
  const r = newSession(target);
  return r.ok ? jsonResponse({ session: r.value }, 201) : r.response;
});
