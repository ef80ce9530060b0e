import { jsonResponse, postRoute } from '@/lib/api/respond';
import { actionInput } from '@/lib/sessions/schemas';
import { appendEntry } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/** Records an action taken through the app (a process stopped, a free port chosen, a guide step). */
export const POST = postRoute<typeof actionInput, { id: string }>(actionInput, async ({ id, ...action }) => {
  const r = appendEntry(id, 'action', action);
  return r.ok ? jsonResponse({ entry: r.value }, 201) : r.response;
});
