import 'server-only';
import { collectDefaultMetrics, Registry } from 'prom-client';

// On globalThis: the /metrics route and the instrumentation hook are separate bundles in one process, and
// the default collectors (event loop lag, GC) must be installed once.
const g = globalThis as typeof globalThis & { __localhostDoctorProcessMetrics?: Registry };

/** The process' own metrics (CPU, memory, event loop lag, handles): prom-client's default collectors. */
export function processRegistry(): Registry {
  if (!g.__localhostDoctorProcessMetrics) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    g.__localhostDoctorProcessMetrics = registry;
  }
  return g.__localhostDoctorProcessMetrics;
}
