import 'server-only';
import { probeOnly } from '@/lib/diagnosis';
import { connectionsOnPort } from '@/lib/host/connections';
import type { ConnectionCounts } from '@/lib/store';
import { verdictOf, type ProbeVerdict } from './verdict';

export type TargetSample = ProbeVerdict & {
  at: string;
  /** Wall time of the whole probe (resolution, connects, application answer). */
  durationMs: number;
  connections: ConnectionCounts | null;
};

export type SampleResult =
  | { ok: true; sample: TargetSample }
  | { ok: false; status: 400 | 403; error: { code: string; message: string } };

/**
 * One look at a target with the diagnosis' own probes (parse, target policy, connect per address, HTTP
 * answer), and the port's connections by state read at the same time. The probes bound themselves (a few
 * seconds at worst), so a hung server costs one watch its interval, never the others theirs.
 */
export async function sampleTarget(input: string, port: number): Promise<SampleResult> {
  const at = new Date().toISOString();
  const started = performance.now();
  const [probed, connections] = await Promise.all([
    probeOnly(input),
    connectionsOnPort(port).then(
      (c) => c.byState as ConnectionCounts,
      () => null,
    ),
  ]);
  if (!probed.ok) return probed;
  const durationMs = Math.round((performance.now() - started) * 100) / 100;
  return { ok: true, sample: { at, durationMs, connections, ...verdictOf(probed) } };
}
