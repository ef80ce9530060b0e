/** The route handlers as Next calls them: guard, zod validation, then lib. Real sockets behind them. */
import { GET as diagnoseGET } from '@/app/api/diagnose/route';
import { GET as listenersGET } from '@/app/api/listeners/route';
import { GET as probeGET } from '@/app/api/probe/route';
import { GET as connectionsGET } from '@/app/api/connections/route';
import { cleanupAll, closedPort, startHttpServer } from '@/__tests__/support/servers';

const req = (path: string, host = '127.0.0.1:6280') =>
  new Request(`http://${host}${path}`, { headers: { host } });

afterEach(cleanupAll);

describe('GET /api/diagnose', () => {
  test('answers { target, facts, findings, summary } for a real server', async () => {
    const s = await startHttpServer((_, res) => res.end('<title>api</title>'));
    const res = await diagnoseGET(req(`/api/diagnose?target=127.0.0.1:${s.port}`));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.target.display).toBe(`127.0.0.1:${s.port}`);
    expect(body.findings.map((f: { id: string }) => f.id)).toContain('http-ok');
    expect(body.facts.listeners.value.listeners[0].pid).toBe(process.pid);
  });

  test('intent=start on a free port from the ephemeral range is port-free, with a warning about the range', async () => {
    const port = await closedPort(); // listen(0) hands out ephemeral ports
    const body = await (await diagnoseGET(req(`/api/diagnose?target=${port}&intent=start`))).json();
    expect(body.findings.map((f: { id: string }) => f.id)).toContain('port-free');
    expect(body.findings.map((f: { id: string }) => f.id)).not.toContain('refused');
    expect(body.summary).toMatchObject({ severity: 'warning', cause: 'ephemeral-port' });
  });

  test.each([
    ['/api/diagnose', 'invalid-input'],
    ['/api/diagnose?target=', 'invalid-input'],
    ['/api/diagnose?target=hello%20world', 'invalid-target'],
    ['/api/diagnose?target=localhost:3000&intent=stop', 'invalid-input'],
  ])('%s → 400 %s', async (path, code) => {
    const res = await diagnoseGET(req(path));
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(code);
  });

  test('a non-loopback target is 403 target-not-allowed', async () => {
    const res = await diagnoseGET(req('/api/diagnose?target=0x0a000001:80'));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('target-not-allowed');
  });

  test('a foreign Host header is 403 host-not-allowed, even without the proxy in front', async () => {
    const res = await diagnoseGET(req('/api/diagnose?target=localhost:3000', 'evil.example'));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('host-not-allowed');
  });
});

describe('GET /api/listeners', () => {
  test('lists a real listener with the contract fields', async () => {
    const s = await startHttpServer((_, res) => res.end('x'));
    const body = await (await listenersGET(req(`/api/listeners?port=${s.port}`))).json();
    expect(body.listeners).toEqual([
      expect.objectContaining({
        protocol: 'tcp',
        address: '127.0.0.1',
        port: s.port,
        family: 'IPv4',
        pid: process.pid,
        process: expect.any(String),
        command: expect.any(String),
        user: expect.any(String),
        startedAt: expect.any(String),
      }),
    ]);
    expect(body).toEqual(
      expect.objectContaining({
        source: expect.any(String),
        partial: expect.any(Boolean),
        warnings: expect.any(Array),
      }),
    );
  });

  test.each([
    '?port=0',
    '?port=70000',
    '?port=abc',
    '?port=1.5',
    '?port=1e3',
    '?port=0x50',
    '?port=%2080',
    '?port=',
  ])('%s → 400', async (q) => {
    expect((await listenersGET(req(`/api/listeners${q}`))).status).toBe(400);
  });
});

test('GET /api/probe gives one attempt per resolved address and the application answer', async () => {
  const s = await startHttpServer((_, res) => res.end('<title>probe</title>'));
  const body = await (await probeGET(req(`/api/probe?target=127.0.0.1:${s.port}`))).json();
  expect(body.attempts).toEqual([expect.objectContaining({ address: '127.0.0.1', outcome: 'open' })]);
  expect(body.application).toEqual(
    expect.objectContaining({ kind: 'http', http: expect.objectContaining({ status: 200, title: 'probe' }) }),
  );
});

test('GET /api/connections counts connections on the port by state', async () => {
  const s = await startHttpServer((_, res) => res.end('x'));
  const body = await (await connectionsGET(req(`/api/connections?port=${s.port}`))).json();
  expect(body).toEqual(
    expect.objectContaining({ port: s.port, total: expect.any(Number), byState: expect.any(Object) }),
  );
});
