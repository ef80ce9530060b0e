import { probeTarget, probeTargetDeadlineMs } from '@/lib/probe';
import type { ProbeTimeouts } from '@/lib/probe/types';
import {
  cleanupAll,
  closedPort,
  hasIPv6Loopback,
  provesFree,
  reportTimings,
  startHttpServer,
  timed,
  type Running,
} from '@/__tests__/support/servers';
import { LOADED_MACHINE_SLACK_MS } from '@/__tests__/support/timing';
import { requireOrSkip } from '@/__tests__/support/requirements';

const timeouts: ProbeTimeouts = { connectMs: 500, bannerMs: 150, responseMs: 500 };
const TOLERANCE_MS = LOADED_MACHINE_SLACK_MS;

afterEach(cleanupAll);
afterAll(reportTimings);

/** An HTTP server on 127.0.0.1 whose port we also proved free on ::1, so ::1 is sure to refuse. */
async function startIPv4OnlyServer(): Promise<Running> {
  for (let tries = 0; tries < 5; tries++) {
    const server = await startHttpServer((_req, res) => res.end('<title>v4 only</title>'));
    if (await provesFree('::1', server.port)) return server;
    await server.close();
  }
  throw new Error('could not find a port free on both 127.0.0.1 and ::1');
}

describe('probeTarget', () => {
  it('for localhost resolved to [::1, 127.0.0.1] with a server on 127.0.0.1 only: ::1 refused, app probed on 127.0.0.1', async () => {
    if (!requireOrSkip(hasIPv6Loopback, 'an IPv6 loopback address (::1)')) return;
    const server = await startIPv4OnlyServer();
    const addresses = [
      { address: '::1', family: 'IPv6' as const },
      { address: '127.0.0.1', family: 'IPv4' as const },
    ];
    const { value, ms } = await timed('probeTarget [::1 refused, 127.0.0.1 http]', () =>
      probeTarget(addresses, server.port, { hostHeader: `localhost:${server.port}`, path: '/', timeouts }),
    );
    expect(value.attempts).toMatchObject([
      { address: '::1', family: 'IPv6', outcome: 'refused', errorCode: 'ECONNREFUSED' },
      { address: '127.0.0.1', family: 'IPv4', outcome: 'open' },
    ]);
    expect(value.application).toMatchObject({ address: '127.0.0.1', kind: 'http' });
    expect(value.application?.http?.title).toBe('v4 only');
    expect(ms).toBeLessThan(probeTargetDeadlineMs(timeouts) + TOLERANCE_MS);
  });

  it('returns no application probe when every address refuses', async () => {
    const port = await closedPort();
    const { value } = await timed('probeTarget all refused', () =>
      probeTarget([{ address: '127.0.0.1', family: 'IPv4' }], port, {
        hostHeader: `127.0.0.1:${port}`,
        path: '/',
        timeouts,
      }),
    );
    expect(value.attempts.map((attempt) => attempt.outcome)).toEqual(['refused']);
    expect(value.application).toBeNull();
  });
});
