import { openedFromAnotherSite } from '@/lib/security/foreign-navigation';

const h = (headers: Record<string, string>) => new Headers({ host: '127.0.0.1:6280', ...headers });

describe('a diagnosis page opened from another site waits for a click', () => {
  test.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another port of the same host)', { 'sec-fetch-site': 'same-site' }],
    ['an unknown Sec-Fetch-Site', { 'sec-fetch-site': 'weird' }],
    ['a Referer of another port', { referer: 'http://127.0.0.1:8000/evil.html' }],
    ['a Referer of another host', { referer: 'http://localhost:6280/' }],
    ['an unreadable Referer', { referer: 'not a url' }],
    ['a foreign Origin (a form POST)', { origin: 'http://evil.example' }],
    ['a null Origin', { origin: 'null' }],
    [
      'same-origin with a foreign Referer',
      { 'sec-fetch-site': 'same-origin', referer: 'http://evil.example/' },
    ],
  ])('%s → waits', (_label, headers) => {
    expect(openedFromAnotherSite(h(headers))).toBe(true);
  });

  test.each([
    [
      'the app’s own link (same-origin, no Referer: the app sends no-referrer)',
      { 'sec-fetch-site': 'same-origin' },
    ],
    ['a typed address or bookmark (none)', { 'sec-fetch-site': 'none' }],
    ['not a browser (no Sec-Fetch-Site, no Referer)', {}],
    ['the app’s own Referer', { 'sec-fetch-site': 'same-origin', referer: 'http://127.0.0.1:6280/' }],
    ['the app’s own Origin', { origin: 'http://127.0.0.1:6280' }],
  ])('%s → instant', (_label, headers) => {
    expect(openedFromAnotherSite(h(headers))).toBe(false);
  });
});
