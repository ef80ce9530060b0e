/**
 * The route handlers run the shared guard themselves (a bypass of proxy.ts alone opens nothing), and nothing
 * in front of their error handling may throw: a throw there is a bare 500 from Next.
 */
import { GET as listenersGET } from '@/app/api/listeners/route';
import { GET as diagnoseGET } from '@/app/api/diagnose/route';

const APP = '127.0.0.1:6280';
const TOKEN = 'route-guard-token-0123456789';
const prev = process.env.ACCESS_TOKEN;
afterEach(() => {
  if (prev === undefined) delete process.env.ACCESS_TOKEN;
  else process.env.ACCESS_TOKEN = prev;
});

const call = (handler: (r: Request) => Promise<Response>, path: string, headers: Record<string, string>) =>
  handler(new Request(`http://${APP}${path}`, { headers: { host: APP, ...headers } }));

test('with ACCESS_TOKEN set, a malformed cookie is a 401 from the route handler, not an exception', async () => {
  process.env.ACCESS_TOKEN = TOKEN;
  for (const cookie of ['ld_token=%E0%A4%A', 'ld_token=%', `ld_token=${TOKEN}`]) {
    const res = await call(listenersGET, '/api/listeners?port=1', { cookie });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('token-required');
  }
  const ok = await call(listenersGET, '/api/listeners?port=1', {
    cookie: 'ld_token=%E0%A4%A',
    authorization: `Bearer ${TOKEN}`,
  });
  expect(ok.status).toBe(200);
});

test('a cross-site request is refused by the route handler itself, before any work', async () => {
  const crossSite: Record<string, string>[] = [
    { 'sec-fetch-site': 'cross-site' },
    { origin: 'http://evil.example' },
  ];
  for (const headers of crossSite) {
    const res = await call(diagnoseGET, '/api/diagnose?target=localhost:1', headers);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('cross-site-request');
  }
});
