import type { Probes } from '@/lib/diagnosis/types';

export interface ProbeVerdict {
  up: boolean;
  connectMs: number | null;
  ttfbMs: number | null;
  status: number | null;
  /** Why it is down, in a few words; null when up. */
  error: string | null;
}

/**
 * Up or down, as someone waiting for their server means it: some address accepted the connection and the
 * service answered without failing — no reset or probe error, and an HTTP status below 500 (a 502 from a
 * proxy whose upstream died is down). A 404 is up: the server runs, the path is another question.
 */
export function verdictOf({ attempts, application }: Probes): ProbeVerdict {
  const open = attempts.find((a) => a.outcome === 'open');
  const status = application?.http?.status ?? null;
  const ttfbMs = application?.http?.ttfbMs ?? null;
  const connectMs = open ? open.timeMs : null;
  if (!open) {
    const why = attempts.map((a) => `${a.errorCode ?? a.outcome} on ${a.address}`).join(', ');
    return { up: false, connectMs, ttfbMs, status, error: why || 'the name resolved to no address' };
  }
  if (application?.kind === 'reset' || application?.kind === 'error')
    return {
      up: false,
      connectMs,
      ttfbMs,
      status,
      error: application.kind === 'reset' ? 'connection reset' : (application.message ?? 'probe error'),
    };
  if (status !== null && status >= 500)
    return { up: false, connectMs, ttfbMs, status, error: `HTTP ${status}` };
  return { up: true, connectMs, ttfbMs, status, error: null };
}
