import { Gauge, Registry } from 'prom-client';

/** What one probe measured, in the units the store and the sampler keep. */
export interface ProbeMeasurement {
  up: boolean;
  /** The whole probe, when it was timed; else connect + first byte is the best lower bound there is. */
  durationMs: number | null;
  connectMs: number | null;
  ttfbMs: number | null;
  status: number | null;
}

/**
 * The phases of blackbox_exporter's probe_http_duration_seconds this probe measures: `connect` (the TCP
 * handshake) and `processing` (request sent → first byte). resolve, tls and transfer are not timed apart, so
 * they are left out rather than reported as 0.
 */
export const MEASURED_PHASES = ['connect', 'processing'] as const;

const seconds = (ms: number) => ms / 1000;

/**
 * blackbox_exporter's names for probes, labelled by `labelNames` (['target'] for /metrics, [] for /probe,
 * where Prometheus adds the target itself through relabelling).
 */
export function probeGauges(registry: Registry, labelNames: string[]) {
  const registers = [registry];
  return {
    success: new Gauge({
      name: 'probe_success',
      help: 'Whether the probe succeeded (1 up, 0 down)',
      labelNames,
      registers,
    }),
    duration: new Gauge({
      name: 'probe_duration_seconds',
      help: 'How long the probe took to complete in seconds',
      labelNames,
      registers,
    }),
    status: new Gauge({
      name: 'probe_http_status_code',
      help: 'Response HTTP status code (0 when there was no HTTP answer)',
      labelNames,
      registers,
    }),
    phases: new Gauge({
      name: 'probe_http_duration_seconds',
      help: 'Duration of the HTTP request by phase (connect, processing), summed over redirects',
      labelNames: [...labelNames, 'phase'],
      registers,
    }),
  };
}

type Gauges = ReturnType<typeof probeGauges>;

export function setProbe(gauges: Gauges, labels: Record<string, string>, m: ProbeMeasurement): void {
  gauges.success.set(labels, m.up ? 1 : 0);
  const duration = m.durationMs ?? (m.connectMs ?? 0) + (m.ttfbMs ?? 0);
  gauges.duration.set(labels, seconds(duration));
  gauges.status.set(labels, m.status ?? 0);
  if (m.connectMs !== null) gauges.phases.set({ ...labels, phase: 'connect' }, seconds(m.connectMs));
  if (m.ttfbMs !== null) gauges.phases.set({ ...labels, phase: 'processing' }, seconds(m.ttfbMs));
}

/** One on-demand probe (GET /probe), as blackbox_exporter answers it: no target label. */
export function singleProbeRegistry(m: ProbeMeasurement): Registry {
  const registry = new Registry();
  setProbe(probeGauges(registry, []), {}, m);
  return registry;
}
