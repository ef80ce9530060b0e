import {
  admit,
  clientBucketCount,
  clientKey,
  MAX_CLIENT_BUCKETS,
  type Limits,
} from '@/lib/security/rate-limit';

const limits: Limits = { burst: 3, perSecond: 1, probesPerClient: 2, probesOverall: 3 };

describe('rate limit and probe caps', () => {
  test('a burst beyond the bucket is refused with a Retry-After, and refills with time', () => {
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) expect(admit('burst-client', false, limits, t).ok).toBe(true);
    const refused = admit('burst-client', false, limits, t);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(admit('burst-client', false, limits, t + 1000).ok).toBe(true);
    expect(admit('another-client', false, limits, t).ok).toBe(true);
  });

  test('probes in flight are capped per client and overall, and released slots are reusable', () => {
    const t = 2_000_000;
    const a1 = admit('probe-a', true, limits, t);
    const a2 = admit('probe-a', true, limits, t);
    expect(admit('probe-a', true, limits, t)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('at once'),
    });
    const b1 = admit('probe-b', true, limits, t);
    expect(admit('probe-c', true, limits, t).ok).toBe(false); // overall cap of 3
    for (const a of [a1, a2, b1]) if (a.ok) a.release();
    expect(admit('probe-c', true, limits, t + 5000).ok).toBe(true);
  });

  test('past 10,000 client keys the least recently used are dropped, not every client at once', () => {
    expect(MAX_CLIENT_BUCKETS).toBe(10_000);
    const t = 3_000_000;
    // Old keys first, then a client that empties its bucket (it is now the most recently used)…
    for (let i = 0; i < MAX_CLIENT_BUCKETS - 1; i++) admit(`old-${i}`, false, limits, t);
    for (let i = 0; i < 3; i++) admit('drained', false, limits, t + 60_000);
    // …then a flood of new keys pushes the map past its cap.
    for (let i = 0; i < 50; i++) admit(`new-${i}`, false, limits, t + 60_000);
    expect(clientBucketCount()).toBeLessThanOrEqual(MAX_CLIENT_BUCKETS);
    // The drained client was not reset: it is refused by its own bucket (1/s), not just the overall one.
    expect(admit('drained', false, limits, t + 60_000)).toMatchObject({
      ok: false,
      reason: `more than ${limits.perSecond} requests per second`,
    });
  });

  test('using a bucket keeps it: a busy client outlives a flood of ten thousand one-off keys', () => {
    const t = 4_000_000;
    for (let i = 0; i < 3; i++) admit('busy', false, limits, t);
    for (let i = 0; i < MAX_CLIENT_BUCKETS + 500; i++) {
      admit(`flood-${i}`, false, limits, t);
      if (i % 1000 === 0) admit('busy', false, limits, t); // refused, but it counts as a use
    }
    expect(clientBucketCount()).toBe(MAX_CLIENT_BUCKETS);
    expect(admit('busy', false, limits, t)).toMatchObject({
      ok: false,
      reason: `more than ${limits.perSecond} requests per second`,
    });
  });

  test('the client key is the first x-forwarded-for entry, at most 64 characters (memory stays bounded)', () => {
    expect(clientKey(new Headers({ 'x-forwarded-for': '10.0.0.1, 10.0.0.2' }))).toBe('10.0.0.1');
    expect(clientKey(new Headers())).toBe('local');
    expect(clientKey(new Headers({ 'x-forwarded-for': 'x'.repeat(10_000) }))).toHaveLength(64);
  });
});
