import { findFreePortNear } from '@/lib/host/free-port';
import { readEphemeralRange } from '@/lib/host/port-range';
import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { freePortQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

const VERIFIED_ON = ['127.0.0.1', '::1'];

/** The nearest port free on both loopback addresses right now, proven by binding it. */
export const GET = getRoute(freePortQuery, async ({ near }) => {
  const ephemeral = await readEphemeralRange();
  const port = await findFreePortNear(near, { ephemeral, hosts: VERIFIED_ON, includeNear: true });
  if (port === null)
    return errorResponse(503, 'no-free-port', `No free port found within 400 ports of ${near}.`);
  return jsonResponse({
    port,
    near,
    verifiedOn: VERIFIED_ON,
    ephemeral: { low: ephemeral.low, high: ephemeral.high, source: ephemeral.source },
  });
});
