import { jsonResponse, postRoute } from '@/lib/api/respond';
import { noteInput } from '@/lib/sessions/schemas';
import { appendEntry } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

export const POST = postRoute<typeof noteInput, { id: string }>(noteInput, async ({ id, text }) => {
  const r = appendEntry(id, 'note', { text });
  return r.ok ? jsonResponse({ entry: r.value }, 201) : r.response;
});
