/** GET /api/ports/free through the route handler, with real sockets: the answer must be bindable. */
import { readFileSync } from 'node:fs';
import { GET as freeGET } from '@/app/api/ports/free/route';
import { GET as diagnoseGET } from '@/app/api/diagnose/route';
import { POPULAR_DEV_PORTS } from '@/lib/host/free-port';
import { parseProcVersion } from '@/lib/host/linux/wsl';
import { cleanupAll, hasIPv6Loopback, provesFree, startTcpServer } from '@/__tests__/support/servers';
import { onLinux } from '@/__tests__/support/requirements';

const APP = '127.0.0.1:6280';
const get = (path: string) => new Request(`http://${APP}${path}`, { headers: { host: APP } });

afterEach(cleanupAll);

describe('GET /api/ports/free', () => {
  test('answers a port that a test can then bind on 127.0.0.1 (and ::1)', async () => {
    const res = await freeGET(get('/api/ports/free?near=20000'));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ near: 20000, port: expect.any(Number), verifiedOn: ['127.0.0.1', '::1'] });
    expect(Math.abs(body.port - 20000)).toBeLessThan(400);
    expect(await provesFree('127.0.0.1', body.port)).toBe(true);
    if (hasIPv6Loopback) expect(await provesFree('::1', body.port)).toBe(true);
  });

  test('when `near` is taken, the nearest other port, never a popular one', async () => {
    const held = await startTcpServer(() => {});
    const res = await freeGET(get(`/api/ports/free?near=${held.port}`));
    const { port } = await res.json();
    expect(port).not.toBe(held.port);
    expect(POPULAR_DEV_PORTS.has(port)).toBe(false);
    expect(await provesFree('127.0.0.1', port)).toBe(true);
  });

  test.each(['', '?near=', '?near=abc', '?near=0', '?near=70000', '?near=3000.5'])(
    '/api/ports/free%s → 400 invalid-input',
    async (query) => {
      const res = await freeGET(get(`/api/ports/free${query}`));
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid-input');
    },
  );
});

onLinux('the WSL fact in a diagnosis', () => {
  test('is read from /proc/version and agrees with it', async () => {
    const res = await diagnoseGET(get('/api/diagnose?target=127.0.0.1:1'));
    const { facts } = await res.json();
    expect(facts.wsl).toMatchObject({
      status: 'ok',
      source: '/proc/version',
      value: parseProcVersion(readFileSync('/proc/version', 'utf8')),
    });
  });
});
