import { getRoute, errorResponse } from '@/lib/api/respond';
import { probeQuery } from '@/lib/api/schemas';
import { probeOnly } from '@/lib/diagnosis';
import { metricsResponse } from '@/lib/metrics/exposition';
import { singleProbeRegistry } from '@/lib/metrics/probe-metrics';
import { verdictOf } from '@/lib/watch/verdict';

export const dynamic = 'force-dynamic';

/**
 * blackbox_exporter's /probe: one probe of ?target= now, answered in the Prometheus text format. The same
 * policy, guard and probe rate limit as /api/probe: a refused target is its 400/403, not a probe_success 0.
 */
export const GET = getRoute(
  probeQuery,
  async ({ target }) => {
    const started = performance.now();
    const probed = await probeOnly(target);
    if (!probed.ok) return errorResponse(probed.status, probed.error.code, probed.error.message);
    const durationMs = performance.now() - started;
    return metricsResponse([singleProbeRegistry({ ...verdictOf(probed), durationMs })]);
  },
  { probing: true },
);
