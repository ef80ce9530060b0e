import { isHostAllowed } from '@/lib/security/host-header';
import { isSameOrigin } from '@/lib/security/origin';
import { guardRequest } from '@/lib/security/request-guard';

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
  const prev = process.env.ACCESS_TOKEN;
  beforeEach(() => (process.env.ACCESS_TOKEN = 'correct-horse-battery-staple'));
  afterEach(() => (process.env.ACCESS_TOKEN = prev));

  test('a request without the token is 401 token-required; bearer, cookie and ?token= are accepted', () => {
    const host = { host: '127.0.0.1:6280' };
    expect(guardRequest({ method: 'GET', url, headers: new Headers(host) })?.code).toBe('token-required');
    expect(
      guardRequest({
        method: 'GET',
        url,
        headers: new Headers({ ...host, authorization: 'Bearer wrong-horse-battery-staple' }),
      })?.code,
    ).toBe('token-required');
    expect(
      guardRequest({
        method: 'GET',
        url,
        headers: new Headers({ ...host, authorization: 'Bearer correct-horse-battery-staple' }),
      }),
    ).toBeNull();
    expect(
      guardRequest({
        method: 'GET',
        url,
        headers: new Headers({ ...host, cookie: 'a=b; ld_token=correct-horse-battery-staple' }),
      }),
    ).toBeNull();
    expect(
      guardRequest({
        method: 'GET',
        url: `${url}?token=correct-horse-battery-staple`,
        headers: new Headers(host),
      }),
    ).toBeNull();
  });
});
