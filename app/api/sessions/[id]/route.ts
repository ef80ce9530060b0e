import { getRoute, jsonResponse } from '@/lib/api/respond';
import { sessionPath } from '@/lib/sessions/schemas';
import { sessionWithEntries } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/**
 * A session and its timeline. getRoute validates the query string, so the path's id is merged in here;
 * for an imported session every diagnosis is checked again by this machine's engine.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return route(withId(request, id));
}

const route = getRoute(sessionPath, async ({ id }) => {
  const r = sessionWithEntries(id);
  return r.ok ? jsonResponse(r.value) : r.response;
});

function withId(request: Request, id: string): Request {
  const url = new URL(request.url);
  url.searchParams.set('id', id);
  return new Request(url, request);
}
