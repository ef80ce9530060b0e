import { findFreePortNear } from '@/lib/host/free-port';
import { readEphemeralRange } from '@/lib/host/port-range';
import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { freePortQuery } from '@/lib/api/schemas';
import { freePortAnswer, freePortHosts } from '@/lib/api/free-port';

export const dynamic = 'force-dynamic';

/** The nearest port free on both loopback addresses right now, proven by binding it. */
export const GET = getRoute(freePortQuery, async ({ near }) => {
  const ephemeral = await readEphemeralRange();
  const port = await findFreePortNear(near, { ephemeral, hosts: freePortHosts(), includeNear: true });
  if (port === null)
    return errorResponse(503, 'no-free-port', `No free port found within 400 ports of ${near}.`);
  return jsonResponse(freePortAnswer(port, near, ephemeral));
});
