import { connectionsOnPort } from '@/lib/host/connections';
import { getRoute, jsonResponse } from '@/lib/api/respond';
import { connectionsQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = getRoute(connectionsQuery, async ({ port }) =>
  jsonResponse(await connectionsOnPort(port)),
);
