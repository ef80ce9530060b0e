import 'server-only';
import { applicationDeadlineMs, probeApplication, resolveTimeouts } from '@/lib/probe/app';
import { probeTcp } from '@/lib/probe/tcp';
import type { AppProbe, ConnectAttempt, ProbeTimeouts } from '@/lib/probe/types';
import type { Family } from '@/lib/net';

export { probeApplication, resolveTimeouts, applicationDeadlineMs } from '@/lib/probe/app';
export type { ApplicationProbeOptions } from '@/lib/probe/app';
export { probeTcp } from '@/lib/probe/tcp';

export interface ProbeTargetOptions {
  hostHeader: string;
  path: string;
  preferTls?: boolean;
  timeouts?: Partial<ProbeTimeouts>;
}

export interface ProbeTargetResult {
  /** One attempt per address, in the order given. */
  attempts: ConnectAttempt[];
  /** What speaks on the first open address (in the order given); null when none was open. */
  application: AppProbe | null;
}

/**
 * The most probeTarget can take: an earlier address may use its whole connect timeout before a later
 * one turns out to be the first open address, then the application probe runs to its deadline.
 */
export function probeTargetDeadlineMs(timeouts: ProbeTimeouts): number {
  return timeouts.connectMs + applicationDeadlineMs(timeouts);
}

/**
 * Connects to every resolved address at once (a dead ::1 must not delay 127.0.0.1), then asks the
 * first open one, in the order given, what it speaks. The application probe starts as soon as that
 * address is known, without waiting for slower attempts further down the list.
 */
export async function probeTarget(
  addresses: { address: string; family: Family }[],
  port: number,
  opts: ProbeTargetOptions,
): Promise<ProbeTargetResult> {
  const timeouts = resolveTimeouts(opts.timeouts);
  const pending = addresses.map(({ address }) => probeTcp(address, port, timeouts.connectMs));
  let application: Promise<AppProbe> | null = null;
  for (const attemptDone of pending) {
    const attempt = await attemptDone;
    if (attempt.outcome !== 'open') continue;
    const { hostHeader, path, preferTls } = opts;
    application = probeApplication(attempt.address, port, { hostHeader, path, preferTls, timeouts });
    break;
  }
  const attempts = await Promise.all(pending);
  return { attempts, application: application === null ? null : await application };
}
