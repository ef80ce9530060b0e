import { isHostAllowed } from '@/lib/security/host-header';
import { isSameOrigin } from '@/lib/security/origin';
import { createHmac } from 'node:crypto';
import { checkToken, cookieValueFor } from '@/lib/security/access-token';
import { guardRequest, isApiPath } from '@/lib/security/request-guard';

describe('Host header (DNS rebinding)', () => {
  test.each([
    'localhost:6280',
    'LOCALHOST',
    'app.localhost:6280',
    '127.0.0.1:6280',
    '127.8.9.1',
    '[::1]:6280',
  ])('%s is allowed', (h) => expect(isHostAllowed(h, [])).toBe(true));
  test.each([
    'evil.example',
    'evil.example:6280',
    '192.168.1.5:6280',
    '[fe80::1]:6280',
    '2130706433',
    'localhost.evil.example',
    '',
    'a:b:c',
  ])('%j is refused', (h) => expect(isHostAllowed(h, [])).toBe(false));
  test('ALLOWED_HOSTS adds names', () => expect(isHostAllowed('doctor.lan:6280', ['doctor.lan'])).toBe(true));
});

describe('Origin on writes', () => {
  test('same origin passes; foreign, null and missing fail', () => {
    expect(isSameOrigin('http://127.0.0.1:6280', '127.0.0.1:6280')).toBe(true);
    expect(isSameOrigin('http://localhost:6280', '127.0.0.1:6280')).toBe(false);
    expect(isSameOrigin('http://evil.example', '127.0.0.1:6280')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:6280')).toBe(false);
    expect(isSameOrigin(null, '127.0.0.1:6280')).toBe(false);
  });

  test('guardRequest: reads pass, cross-site writes get origin-not-allowed', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    const url = 'http://localhost:6280/api/x';
    expect(guardRequest({ method: 'GET', url, headers: h({ host: 'localhost:6280' }) })).toBeNull();
    expect(guardRequest({ method: 'GET', url, headers: h({ host: 'evil.example' }) })?.code).toBe(
      'host-not-allowed',
    );
    expect(
      guardRequest({
        method: 'POST',
        url,
        headers: h({ host: 'localhost:6280', origin: 'http://evil.example' }),
      })?.code,
    ).toBe('origin-not-allowed');
    expect(
      guardRequest({
        method: 'POST',
        url,
        headers: h({ host: 'localhost:6280', origin: 'http://localhost:6280' }),
      }),
    ).toBeNull();
  });
});

describe('ACCESS_TOKEN', () => {
  const url = 'http://127.0.0.1:6280/api/listeners';
  const TOKEN = 'correct-horse-battery-staple';
  const host = { host: '127.0.0.1:6280' };
  const prev = process.env.ACCESS_TOKEN;
  beforeEach(() => (process.env.ACCESS_TOKEN = TOKEN));
  afterEach(() => {
    // Assigning undefined to process.env stores the string "undefined": delete instead.
    if (prev === undefined) delete process.env.ACCESS_TOKEN;
    else process.env.ACCESS_TOKEN = prev;
  });
  const guard = (headers: Record<string, string>, u = url) =>
    guardRequest({ method: 'GET', url: u, headers: new Headers({ ...host, ...headers }) });

  test('a request without the token is 401 token-required; bearer, the derived cookie and ?token= are accepted', () => {
    expect(guard({})?.code).toBe('token-required');
    expect(guard({ authorization: 'Bearer wrong-horse-battery-staple' })?.code).toBe('token-required');
    expect(guard({ authorization: `Bearer ${TOKEN}` })).toBeNull();
    expect(guard({ cookie: `a=b; ld_token=${cookieValueFor(TOKEN)}` })).toBeNull();
    expect(guard({}, `${url}?token=${TOKEN}`)).toBeNull();
  });

  test('the cookie holds HMAC-SHA256(key = token, fixed label), never the token; the raw token there is refused', () => {
    const derived = cookieValueFor(TOKEN);
    expect(derived).toBe(
      createHmac('sha256', TOKEN).update('localhost-doctor/ld_token/v1').digest('base64url'),
    );
    expect(derived).not.toContain(TOKEN);
    expect(guard({ cookie: `ld_token=${TOKEN}` })?.code).toBe('token-required');
    expect(guard({ cookie: `ld_token=${cookieValueFor('another-token-0123456789')}` })?.code).toBe(
      'token-required',
    );
  });

  test('a cookie another service on the same host set first does not shadow ours', () => {
    expect(guard({ cookie: `ld_token=junk; ld_token=${cookieValueFor(TOKEN)}` })).toBeNull();
  });

  test.each([
    ['%E0%A4%A (a truncated escape)', 'ld_token=%E0%A4%A'],
    ['a lone %', 'ld_token=%'],
    ['%ZZ next to another bad cookie', 'ld_token=%ZZ; other=%E0'],
    ['a name without a value', 'ld_token'],
    ['empty pairs', '=;;=; ld_token=='],
    ['5,000 %', `ld_token=${'%'.repeat(5000)}`],
  ])('a malformed cookie (%s) is no token (401), never an exception', (_, cookie) => {
    expect(() => guard({ cookie })).not.toThrow();
    expect(guard({ cookie })?.code).toBe('token-required');
    expect(checkToken(new Headers({ cookie }), url, TOKEN)).toEqual({ accepted: false, viaQuery: false });
  });

  test('viaQuery is set only when the ?token= value itself is the token', () => {
    const h = new Headers({ authorization: `Bearer ${TOKEN}` });
    expect(checkToken(h, `${url}?token=${TOKEN}`, TOKEN)).toEqual({ accepted: true, viaQuery: true });
    expect(checkToken(h, `${url}?token=wrong`, TOKEN)).toEqual({ accepted: true, viaQuery: false });
    expect(checkToken(new Headers(), `${url}?token=%E0%A4%A`, TOKEN)).toEqual({
      accepted: false,
      viaQuery: false,
    });
  });
});

describe('cross-site requests to /api', () => {
  const h = (o: Record<string, string>) => new Headers({ host: '127.0.0.1:6280', ...o });
  const api = 'http://127.0.0.1:6280/api/diagnose?target=localhost:3000';
  const page = 'http://127.0.0.1:6280/diagnose/localhost%3A3000';

  test.each(['cross-site', 'same-site', 'CROSS-SITE', '', 'bogus'])(
    'Sec-Fetch-Site %j on an /api GET → 403 cross-site-request',
    (site) => {
      const r = guardRequest({ method: 'GET', url: api, headers: h({ 'sec-fetch-site': site }) });
      expect(r).toMatchObject({ status: 403, code: 'cross-site-request' });
    },
  );

  test.each(['same-origin', 'none'])('Sec-Fetch-Site %s passes', (site) => {
    expect(guardRequest({ method: 'GET', url: api, headers: h({ 'sec-fetch-site': site }) })).toBeNull();
  });

  test.each(['http://evil.example', 'null', 'http://localhost:6280', 'http://127.0.0.1:3000', 'not a url'])(
    'an /api GET with Origin %j (not this app) → 403 cross-site-request',
    (origin) => {
      expect(guardRequest({ method: 'GET', url: api, headers: h({ origin }) })?.code).toBe(
        'cross-site-request',
      );
    },
  );

  test('this app’s own Origin, and no Sec-Fetch-Site or Origin at all (curl, scripts), pass', () => {
    expect(
      guardRequest({ method: 'GET', url: api, headers: h({ origin: 'http://127.0.0.1:6280' }) }),
    ).toBeNull();
    expect(guardRequest({ method: 'GET', url: api, headers: h({}) })).toBeNull();
  });

  test('every /api spelling is covered; a route handler says api: true whatever the URL', () => {
    const cross = h({ 'sec-fetch-site': 'cross-site' });
    for (const u of [
      'http://127.0.0.1:6280/api',
      'http://127.0.0.1:6280//api/listeners',
      'http://127.0.0.1:6280/%61pi/listeners',
      'http://127.0.0.1:6280/api/does-not-exist',
    ])
      expect(guardRequest({ method: 'GET', url: u, headers: cross })?.code).toBe('cross-site-request');
    expect(isApiPath('http://127.0.0.1:6280/apiary')).toBe(false);
    expect(
      guardRequest({ method: 'GET', url: 'http://x/whatever', headers: cross }, { api: true })?.code,
    ).toBe('cross-site-request');
  });

  test('pages are left to navigations from anywhere', () => {
    const nav = h({
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'navigate',
      'sec-fetch-dest': 'document',
    });
    expect(guardRequest({ method: 'GET', url: page, headers: nav })).toBeNull();
    expect(guardRequest({ method: 'GET', url: api, headers: nav })?.code).toBe('cross-site-request');
  });

  test('a write with a foreign Origin is still origin-not-allowed (decided first)', () => {
    const r = guardRequest({
      method: 'POST',
      url: api,
      headers: h({ origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' }),
    });
    expect(r?.code).toBe('origin-not-allowed');
  });
});

describe('never throws', () => {
  test('a URL that does not parse is a refusal or a pass, never an exception', () => {
    const headers = new Headers({ host: '127.0.0.1:6280', 'sec-fetch-site': 'cross-site' });
    expect(() => guardRequest({ method: 'GET', url: 'not a url', headers })).not.toThrow();
    expect(guardRequest({ method: 'GET', url: 'not a url', headers })?.code).toBe('cross-site-request');
  });

  test('a headers object that throws is 400 bad-request', () => {
    const headers = {
      get() {
        throw new TypeError('boom');
      },
    } as unknown as Headers;
    expect(guardRequest({ method: 'GET', url: 'http://127.0.0.1/', headers })).toMatchObject({
      status: 400,
      code: 'bad-request',
    });
  });
});
