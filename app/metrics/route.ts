import { z } from 'zod';
import { Registry } from 'prom-client';
import { getRoute } from '@/lib/api/respond';
import { listListeners } from '@/lib/host/listeners';
import { metricsResponse } from '@/lib/metrics/exposition';
import { addListenerGauge } from '@/lib/metrics/listener-metrics';
import { probeGauges, setProbe } from '@/lib/metrics/probe-metrics';
import { processRegistry } from '@/lib/metrics/process-registry';
import { getStore, listWatches, watchStatus } from '@/lib/store';
import { watchScheduler } from '@/lib/watch';

export const dynamic = 'force-dynamic';

/**
 * The doctor as a Prometheus target: this machine's listeners, each watch's latest sample under
 * blackbox_exporter's names (labelled target), and the process' own metrics. A scrape reads the store and
 * the listener table; it probes nothing (the watches do that on their own interval).
 */
export const GET = getRoute(z.object({}), async () => {
  const registry = new Registry();
  addListenerGauge(registry, (await listListeners()).listeners);
  const timed = watchScheduler().lastSamples();
  const gauges = probeGauges(registry, ['target']);
  const now = new Date().toISOString();
  const read = getStore().read((db) =>
    listWatches(db).map((w) => ({
      w,
      last: watchStatus(db, { watchId: w.id, uptimeSince: now }).lastSample,
    })),
  );
  for (const { w, last } of read.ok ? read.value : []) {
    if (!last) continue;
    const sameSample = timed.get(w.id)?.at === last.at ? timed.get(w.id) : undefined;
    setProbe(gauges, { target: w.target }, { ...last, durationMs: sameSample?.durationMs ?? null });
  }
  return metricsResponse([registry, processRegistry()]);
});
