import { prepareTarget } from '@/lib/diagnosis';
import { probeTarget } from '@/lib/probe';
import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { probeQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

/** Connect attempts per resolved address and the application answer, without the rest of the diagnosis. */
export const GET = getRoute(
  probeQuery,
  async ({ target: input }) => {
    const prepared = await prepareTarget(input);
    if (!prepared.ok) return errorResponse(prepared.status, prepared.error.code, prepared.error.message);
    const { target, resolution } = prepared;
    const addresses = resolution.status === 'ok' ? resolution.value.addresses : [];
    const probes = await probeTarget(addresses, target.port, {
      hostHeader: target.display,
      path: target.path,
      preferTls: target.scheme === 'https',
    });
    return jsonResponse({ target, resolution, ...probes });
  },
  { probing: true },
);
