import { flipsOf } from '@/lib/watch/flips';
import { canonicalWatchTarget } from '@/lib/watch/target';
import { verdictOf } from '@/lib/watch/verdict';
import { parseTarget } from '@/lib/target';
import type { AppProbe, ConnectAttempt } from '@/lib/probe/types';

const attempt = (o: Partial<ConnectAttempt>): ConnectAttempt => ({
  address: '127.0.0.1',
  family: 'IPv4',
  port: 3000,
  outcome: 'open',
  timeMs: 0.7,
  ...o,
});
const http = (status: number): AppProbe => ({
  address: '127.0.0.1',
  port: 3000,
  kind: 'http',
  protocol: 'HTTP',
  banner: null,
  tls: null,
  timeMs: 12,
  http: {
    httpVersion: '1.1',
    status,
    reason: '',
    server: null,
    contentType: null,
    title: null,
    location: null,
    ttfbMs: 9.5,
    bodyBytes: 0,
    bodyTruncated: false,
  },
});

describe('up or down', () => {
  it('a 200 over the one open address is up, with its connect time and first byte', () => {
    expect(verdictOf({ attempts: [attempt({ timeMs: 0.7 })], application: http(200) })).toEqual({
      up: true,
      connectMs: 0.7,
      ttfbMs: 9.5,
      status: 200,
      error: null,
    });
  });
  it('a 404 is up (the server runs); a 502 is down and says so', () => {
    expect(verdictOf({ attempts: [attempt({})], application: http(404) }).up).toBe(true);
    expect(verdictOf({ attempts: [attempt({})], application: http(502) })).toMatchObject({
      up: false,
      error: 'HTTP 502',
    });
  });
  it('refused on ::1 and 127.0.0.1 is down, naming both', () => {
    const v = verdictOf({
      attempts: [
        attempt({ address: '::1', family: 'IPv6', outcome: 'refused', errorCode: 'ECONNREFUSED' }),
        attempt({ outcome: 'refused', errorCode: 'ECONNREFUSED' }),
      ],
      application: null,
    });
    expect(v).toEqual({
      up: false,
      connectMs: null,
      ttfbMs: null,
      status: null,
      error: 'ECONNREFUSED on ::1, ECONNREFUSED on 127.0.0.1',
    });
  });
  it('a reset after connecting is down', () => {
    expect(
      verdictOf({ attempts: [attempt({})], application: { ...http(200), kind: 'reset', http: null } }),
    ).toMatchObject({ up: false, error: 'connection reset' });
  });
});

it('flips are the changes between consecutive samples, oldest first, whatever order they come in', () => {
  const flips = flipsOf([
    { at: '2030-01-01T00:00:20Z', up: true },
    { at: '2030-01-01T00:00:00Z', up: true },
    { at: '2030-01-01T00:00:10Z', up: false, error: 'ECONNREFUSED on 127.0.0.1' },
    { at: '2030-01-01T00:00:15Z', up: false },
  ]);
  expect(flips).toEqual([
    { at: '2030-01-01T00:00:00Z', from: null, to: 'up', error: null },
    { at: '2030-01-01T00:00:10Z', from: 'up', to: 'down', error: 'ECONNREFUSED on 127.0.0.1' },
    { at: '2030-01-01T00:00:20Z', from: 'down', to: 'up', error: null },
  ]);
  expect(flipsOf([])).toEqual([]);
});

it('one spelling per watched address: the http:// scheme and a bare "/" are the defaults', () => {
  const canon = (s: string) => {
    const p = parseTarget(s);
    if (!p.ok) throw new Error(p.error.message);
    return canonicalWatchTarget(p.target);
  };
  expect(canon('http://localhost:3000/')).toBe('localhost:3000');
  expect(canon('localhost:3000')).toBe('localhost:3000');
  expect(canon(':3000')).toBe('localhost:3000');
  expect(canon('https://[::1]:8443/health')).toBe('https://[::1]:8443/health');
});
