import { jsonResponse, postRoute } from '@/lib/api/respond';
import { copiedInput } from '@/lib/sessions/schemas';
import { appendEntry } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/** Records a fix the person copied. */
export const POST = postRoute<typeof copiedInput, { id: string }>(copiedInput, async ({ id, ...copied }) => {
  const r = appendEntry(id, 'copied', copied);
  return r.ok ? jsonResponse({ entry: r.value }, 201) : r.response;
});
