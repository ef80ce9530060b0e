import { listListeners } from '@/lib/host/listeners';
import { getRoute, jsonResponse } from '@/lib/api/respond';
import { listenersQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = getRoute(listenersQuery, async ({ port }) => {
  const table = await listListeners(port === undefined ? {} : { port });
  return jsonResponse({
    ...table,
    listeners: table.listeners.map(
      ({ protocol, address, port: p, family, pid, process, command, user, startedAt, memoryBytes }) => ({
        protocol,
        address,
        port: p,
        family,
        pid,
        process,
        command,
        user,
        startedAt,
        memoryBytes,
      }),
    ),
  });
});
