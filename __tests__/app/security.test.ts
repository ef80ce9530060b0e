/**
 * docs/security.md, line by line, against the real app. The suite runs inside a loopback-only network
 * namespace under `npm test` (as root), so even a broken target policy could not send a packet out.
 */
import net from 'node:net';
import { rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { inLoopbackOnlyNamespace, requireOrSkip } from '@/__tests__/support/requirements';
import { HIGH_LIMITS } from '@/__tests__/support/limits';

let app: RunningApp;
let server: ChildServer;
beforeAll(async () => {
  // Every request here comes from root, one client for the rate limiter: room for the whole file.
  app = await startApp({ RATE_LIMITS: HIGH_LIMITS });
  server = await startChildHttpServer({ title: 'Guarded' });
});
afterAll(async () => {
  await server?.stop();
  await app?.stop();
});

let clientNo = 0;
/** The x-forwarded-for is ignored now (the app keys on the socket's peer); it stays to show that. */
const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(`${app.url}${path}`, {
    headers: { host: `127.0.0.1:${app.port}`, 'x-forwarded-for': `10.9.0.${++clientNo}`, ...headers },
  });

describe('Host header (DNS rebinding)', () => {
  test.each(['/', '/api/listeners', '/learn', '/diagnose/localhost%3A3000', '/favicon.ico'])(
    '%s with Host evil.example → 403 host-not-allowed',
    async (path) => {
      const res = await get(path, { host: 'evil.example' });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('host-not-allowed');
    },
  );

  test.each(['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]'])(
    'Host %s is served',
    async (h) => {
      const res = await get('/api/listeners?port=1', { host: `${h}:${app.port}` });
      expect(res.status).toBe(200);
    },
  );
});

describe('cross-site writes', () => {
  test.each([
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['Origin null', { origin: 'null' }],
    ['no Origin', {}],
  ])('POST with %s → 403 origin-not-allowed, decided before routing', async (_, headers) => {
    for (const path of ['/api/diagnose', '/api/does-not-exist', '/']) {
      const res = await rawRequest(`${app.url}${path}`, {
        method: 'POST',
        headers: { host: `127.0.0.1:${app.port}`, ...headers },
        body: '{}',
      });
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('origin-not-allowed');
    }
  });

  test('no permissive CORS: no Access-Control-Allow-Origin, even when asked', async () => {
    const res = await get('/api/listeners', { origin: 'http://evil.example' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('cross-site requests to /api (what another site\u2019s page can make the browser send)', () => {
  // A loopback listener that counts connections: a probe from the doctor would show up here.
  let connections = 0;
  let counter: net.Server;
  beforeAll(async () => {
    counter = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => counter.close(() => resolve())));
  const target = () =>
    `/api/diagnose?target=${encodeURIComponent(`127.0.0.1:${(counter.address() as net.AddressInfo).port}/attacker-chosen`)}`;

  test('control: the same request without cross-site headers does probe the listener', async () => {
    const before = connections;
    expect((await get(target())).status).toBe(200);
    expect(connections).toBeGreaterThan(before);
  });

  test.each([
    [
      'an <img> or <script> from another site',
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' },
    ],
    [
      'a page on another port of localhost (same-site)',
      { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' },
    ],
    [
      'a top-level navigation from another site',
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' },
    ],
    ['a foreign Origin without Sec-Fetch-*', { origin: 'http://evil.example' }],
    ['Origin null (a sandboxed frame, a file:// page)', { origin: 'null' }],
    ['another port of this host as Origin', { origin: 'http://127.0.0.1:1' }],
  ])('%s → 403 cross-site-request, and nothing is probed', async (_, headers) => {
    const before = connections;
    for (const path of [
      target(),
      '/api/listeners?port=1',
      '/api/probe?target=localhost:1',
      '/api/does-not-exist',
    ]) {
      const res = await get(path, headers);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.code).toBe('cross-site-request');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(connections).toBe(before);
  });

  test.each([
    ['the app\u2019s own page (same-origin)', { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' }],
    ['the address bar (none)', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' }],
    ['curl or a script (no Sec-Fetch-Site, no Origin)', {}],
  ])('%s is answered', async (_, headers) => {
    expect((await get('/api/listeners?port=1', headers)).status).toBe(200);
  });

  test('the app\u2019s own Origin is answered', async () => {
    const res = await get('/api/listeners?port=1', { origin: `http://127.0.0.1:${app.port}` });
    expect(res.status).toBe(200);
  });

  test.each(['/', '/learn', '/diagnose/localhost%3A3000'])(
    'a page (%s) still opens from a link on another site',
    async (path) => {
      const res = await get(path, {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
        'sec-fetch-dest': 'document',
      });
      expect(res.status).toBe(200);
      expect(res.body).toContain('<html');
    },
  );
});

describe('headers', () => {
  test.each(['/', '/api/listeners'])(
    '%s carries CSP without unsafe-eval, frame-ancestors none, nosniff, no-referrer',
    async (path) => {
      const res = await get(path);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  test('the page\u2019s scripts carry the CSP nonce (so the policy does not break the app)', async () => {
    const res = await get('/');
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1];
    expect(nonce).toBeTruthy();
    const scripts = res.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe('target policy (SSRF)', () => {
  // Names like example.com would be looked up through the system resolver: only where no packet can leave.
  const safe = () =>
    requireOrSkip(
      inLoopbackOnlyNamespace,
      'a loopback-only network namespace (run through `npm test` as root)',
    );
  test.each([
    '10.0.0.1:80',
    '167772161:80',
    '0x0a000001:80',
    '012.0.0.1:80',
    '10.1:80',
    '[::ffff:10.0.0.1]:80',
    '169.254.169.254:80',
    '[fe80::1]:80',
    '[fd00::1]:80',
    'http://user@10.0.0.1/',
    'http://10.0.0.1:80@127.0.0.1:1/',
    'example.com:80',
    'does-not-resolve.invalid:80',
  ])('%s is refused with 403 or 400 before any packet is sent', async (target) => {
    if (!safe()) return;
    const res = await get(`/api/diagnose?target=${encodeURIComponent(target)}`);
    expect([400, 403]).toContain(res.status);
    const { error } = JSON.parse(res.body);
    expect(['target-not-allowed', 'invalid-target']).toContain(error.code);
    if (!/@/.test(target)) expect(error.code).toBe('target-not-allowed');
  });

  test('loopback targets are diagnosed', async () => {
    const res = await get(`/api/diagnose?target=localhost:${server.port}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).summary.severity).toBe('ok');
  });
});

describe('malformed paths and unsupported methods', () => {
  const headers = () => ({ host: `127.0.0.1:${app.port}` });
  const expectHeaders = (res: { headers: Record<string, unknown> }) => {
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  };
  test.each([
    ['/diagnose/%', /^text\/html/],
    ['/diagnose/a%', /^text\/html/],
    ['/%E0%A4%A', /^text\/html/],
    ['/api/processes/%/stop', /^application\/json/],
    ['/api/diagnose/%zz', /^application\/json/],
  ])('GET %s → 400 with the security headers, never a 500', async (path, type) => {
    const res = await rawRequest(`${app.url}${path}`, { headers: headers() });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(type);
    expectHeaders(res);
    if (path.startsWith('/api')) expect(JSON.parse(res.body).error.code).toBe('bad-request');
  });

  test('POST /api/processes/%/stop with the right Origin → 400, not 500', async () => {
    const res = await rawRequest(`${app.url}/api/processes/%/stop`, {
      method: 'POST',
      headers: { ...headers(), origin: app.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('bad-request');
  });

  test.each(['TRACE', 'PROPFIND', 'MKCOL', 'PURGE'])(
    '%s → 405 with Allow, JSON for /api, the usual headers',
    async (method) => {
      for (const path of ['/', '/api/listeners', '/api/processes/1/stop', '/_next/static/x.js']) {
        const res = await rawRequest(`${app.url}${path}`, { method, headers: headers() });
        expect(res.status).toBe(405);
        expect(res.headers.allow).toBe(path.endsWith('/stop') ? 'POST, OPTIONS' : 'GET, HEAD, OPTIONS');
        expectHeaders(res);
        if (path.startsWith('/api')) expect(JSON.parse(res.body).error.code).toBe('method-not-allowed');
      }
      expect(app.output()).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    },
  );

  test('POST to a page or PUT to the API with this app\u2019s Origin → 405 (was a page render)', async () => {
    for (const [method, path] of [
      ['POST', '/'],
      ['PUT', '/api/listeners'],
      ['DELETE', '/api/processes/1/stop'],
    ] as const) {
      const res = await rawRequest(`${app.url}${path}`, {
        method,
        headers: { ...headers(), origin: app.url },
      });
      expect(res.status).toBe(405);
    }
  });

  test('CONNECT → 405, not a dropped connection', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(app.port, '127.0.0.1', () =>
        socket.write(`CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (b) => (text += b.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 /);
    expect(answer).toContain('X-Content-Type-Options: nosniff');
  });
});
