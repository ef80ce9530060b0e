import { admit, type Limits } from '@/lib/security/rate-limit';

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
});
