import { listListeners } from '@/lib/host/listeners';
import { getRoute, jsonResponse } from '@/lib/api/respond';
import { listenersQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** The listener table as the adapters read it (the contract's fields plus uid, memory and the socket inode). */
export const GET = getRoute(listenersQuery, async ({ port }) =>
  jsonResponse(await listListeners(port === undefined ? {} : { port })),
);
