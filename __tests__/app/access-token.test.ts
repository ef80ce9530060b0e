/** With ACCESS_TOKEN configured, every request must carry it: bearer header, or the cookie a ?token= visit sets. */
import { rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';

const TOKEN = 'test-token-0123456789abcdef';
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ ACCESS_TOKEN: TOKEN });
});
afterAll(() => app?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(`${app.url}${path}`, { headers: { host: `127.0.0.1:${app.port}`, ...headers } });

test('a page or API call without the token is 401 token-required', async () => {
  for (const path of ['/', '/api/listeners']) {
    const res = await get(path);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('token-required');
  }
  expect((await get('/api/listeners', { authorization: 'Bearer wrong-token-0123456789abcd' })).status).toBe(
    401,
  );
});

test('the bearer token opens the API; a ?token= visit sets an HttpOnly SameSite=Strict cookie that opens the rest', async () => {
  expect((await get('/api/listeners?port=1', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  const visit = await get(`/?token=${TOKEN}`);
  expect(visit.status).toBe(200);
  const cookie = String(([] as string[]).concat(visit.headers['set-cookie'] ?? [])[0]);
  expect(cookie).toMatch(/^ld_token=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  const res = await get('/api/listeners?port=1', { cookie: cookie.split(';')[0]! });
  expect(res.status).toBe(200);
});
