import 'server-only';
import { applicationDeadlineMs, probeApplication, resolveTimeouts } from '@/lib/probe/app';
import { closeGracefully, connectTcp } from '@/lib/probe/tcp';
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
  /** Name of the process listening on the port, when known (it may arrive while we connect). */
  owner?: Promise<string | null> | string | null;
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
  const pending = addresses.map(({ address }) => connectTcp(address, port, timeouts.connectMs));
  let application: Promise<AppProbe> | null = null;
  for (const [i, connectDone] of pending.entries()) {
    const { attempt, socket } = await connectDone;
    if (socket === null) continue;
    // This connection serves the application probe too; the other open ones are closed at once.
    for (const later of pending.slice(i + 1)) void later.then((c) => c.socket && closeGracefully(c.socket));
    const { hostHeader, path, preferTls, owner } = opts;
    application = probeApplication(attempt.address, port, {
      hostHeader,
      path,
      preferTls,
      timeouts,
      socket,
      owner,
    });
    break;
  }
  const attempts = (await Promise.all(pending)).map((c) => c.attempt);
  return { attempts, application: application === null ? null : await application };
}
