/**
 * With ACCESS_TOKEN configured, every request must carry it: the bearer header, or the cookie a ?token= visit
 * sets. The cookie holds a value derived from the token, never the token (browsers send a host's cookies to
 * every port of that host, so every other web service there would receive it).
 */
import { createHmac } from 'node:crypto';
import { HIGH_LIMITS } from '@/__tests__/support/limits';
import { rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';

const TOKEN = 'test-token-0123456789abcdef';
const DERIVED = createHmac('sha256', TOKEN).update('localhost-doctor/ld_token/v1').digest('base64url');
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ ACCESS_TOKEN: TOKEN, RATE_LIMITS: HIGH_LIMITS });
});
afterAll(() => app?.stop());

let clientNo = 0;
const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(`${app.url}${path}`, {
    headers: { host: `127.0.0.1:${app.port}`, 'x-forwarded-for': `10.8.0.${++clientNo}`, ...headers },
  });
const setCookies = (res: { headers: Record<string, string | string[] | undefined> }) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []);

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

test('a malformed cookie is no token: 401 on every path, never a 500', async () => {
  for (const cookie of ['ld_token=%E0%A4%A', 'ld_token=%', 'a=%ZZ; ld_token=%E0%A4%A; b=%'])
    for (const path of ['/', '/api/listeners', '/learn', '/favicon.ico']) {
      const res = await get(path, { cookie });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body).error.code).toBe('token-required');
    }
  // With a valid proof next to it, the malformed value is just ignored.
  expect(
    (await get('/api/listeners?port=1', { cookie: 'ld_token=%E0%A4%A', authorization: `Bearer ${TOKEN}` }))
      .status,
  ).toBe(200);
});

test('the bearer token opens the API', async () => {
  expect((await get('/api/listeners?port=1', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
});

test('a ?token= visit is redirected to the same URL without the token, with a cookie that holds a derived value', async () => {
  const visit = await get(`/diagnose/localhost%3A3000?intent=start&token=${TOKEN}&x=1`);
  expect(visit.status).toBe(303);
  const to = new URL(String(visit.headers.location), `http://127.0.0.1:${app.port}`);
  expect(to.host).toBe(`127.0.0.1:${app.port}`);
  expect(to.pathname + to.search).toBe('/diagnose/localhost%3A3000?intent=start&x=1');
  const cookies = setCookies(visit);
  expect(cookies).toHaveLength(1);
  const cookie = cookies[0]!;
  expect(cookie).toMatch(/^ld_token=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  expect(cookie).toMatch(/Path=\//i);
  expect(cookie).not.toContain(TOKEN);
  expect(cookie.split(';')[0]).toBe(`ld_token=${DERIVED}`);

  const bare = await get(`/?token=${TOKEN}`);
  expect(bare.status).toBe(303);
  expect(new URL(String(bare.headers.location), app.url).href).toBe(`${app.url}/`);

  // The cookie then opens pages and the API.
  const pair = cookie.split(';')[0]!;
  expect((await get('/api/listeners?port=1', { cookie: pair })).status).toBe(200);
  const page = await get('/diagnose/localhost%3A3000', { cookie: pair });
  expect(page.status).toBe(200);
  expect(page.body).toContain('<html');
});

test('a ?token= link followed from another site gets a page that moves on by itself, with the cookie', async () => {
  // Browsers withhold SameSite=Strict cookies from a navigation another site started, redirects included:
  // a 303 would land on a 401. A meta refresh is a navigation of this app's own page, which carries it.
  const visit = await get(`/diagnose/localhost%3A3000?token=${TOKEN}&intent=start`, {
    'sec-fetch-site': 'cross-site',
    'sec-fetch-mode': 'navigate',
    'sec-fetch-dest': 'document',
  });
  expect(visit.status).toBe(200);
  expect(visit.headers['content-type']).toMatch(/^text\/html/);
  expect(visit.body).toContain(
    '<meta http-equiv="refresh" content="0;url=/diagnose/localhost%3A3000?intent=start">',
  );
  expect(visit.body).not.toContain(TOKEN);
  expect(visit.headers['referrer-policy']).toBe('no-referrer');
  expect(String(visit.headers['content-security-policy'])).toContain("default-src 'none'");
  expect(setCookies(visit)[0]!.split(';')[0]).toBe(`ld_token=${DERIVED}`);
});

test('the raw token in the cookie is refused (only the derived value is accepted)', async () => {
  expect((await get('/api/listeners?port=1', { cookie: `ld_token=${TOKEN}` })).status).toBe(401);
});

test('a wrong ?token= sets no cookie, even when another proof lets the request through', async () => {
  const wrong = await get('/?token=wrong-token-0123456789abcd');
  expect(wrong.status).toBe(401);
  expect(setCookies(wrong)).toEqual([]);
  const withBearer = await get('/api/listeners?port=1&token=wrong-token-0123456789abcd', {
    authorization: `Bearer ${TOKEN}`,
  });
  expect(withBearer.status).toBe(200);
  expect(setCookies(withBearer)).toEqual([]);
});
