/**
 * Bounded work per client and overall: a token bucket for requests, and caps on probes running at once.
 * State lives on globalThis so every route bundle shares one limiter in the server process.
 */
export interface Limits {
  /** Burst size per client. */
  burst: number;
  /** Sustained requests per second per client. */
  perSecond: number;
  /** Probing requests (diagnose, probe) in flight at once, per client and overall. */
  probesPerClient: number;
  probesOverall: number;
}

export const DEFAULT_LIMITS: Limits = { burst: 40, perSecond: 10, probesPerClient: 8, probesOverall: 24 };

interface Bucket {
  tokens: number;
  updated: number;
}

interface LimiterState {
  buckets: Map<string, Bucket>;
  inFlight: Map<string, number>;
  inFlightTotal: number;
}

const g = globalThis as typeof globalThis & { __localhostDoctorLimiter?: LimiterState };
function state(): LimiterState {
  g.__localhostDoctorLimiter ??= { buckets: new Map(), inFlight: new Map(), inFlightTotal: 0 };
  return g.__localhostDoctorLimiter;
}

export type Admission =
  { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: string };

function refill(key: string, burst: number, perSecond: number, now: number): Bucket {
  const s = state();
  const b = s.buckets.get(key) ?? { tokens: burst, updated: now };
  b.tokens = Math.min(burst, b.tokens + ((now - b.updated) / 1000) * perSecond);
  b.updated = now;
  s.buckets.set(key, b);
  return b;
}

/** A client key is only as good as its source, so all clients together also share one larger bucket. */
const OVERALL_FACTOR = 5;

/** Takes one request token for `client`; when `probing`, also a probe slot (call release() when done). */
export function admit(
  client: string,
  probing: boolean,
  limits: Limits = DEFAULT_LIMITS,
  now = Date.now(),
): Admission {
  const s = state();
  if (s.buckets.size > 10_000) s.buckets.clear(); // bounded memory even under a flood of spoofed client keys
  const b = refill(`client:${client}`, limits.burst, limits.perSecond, now);
  const all = refill('overall', limits.burst * OVERALL_FACTOR, limits.perSecond * OVERALL_FACTOR, now);
  for (const [bucket, rate] of [
    [b, limits.perSecond],
    [all, limits.perSecond * OVERALL_FACTOR],
  ] as const) {
    if (bucket.tokens < 1) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)),
        reason: `more than ${rate} requests per second`,
      };
    }
  }
  if (probing) {
    const mine = s.inFlight.get(client) ?? 0;
    if (mine >= limits.probesPerClient || s.inFlightTotal >= limits.probesOverall) {
      return {
        ok: false,
        retryAfterSeconds: 1,
        reason: `too many diagnoses running at once (limit ${mine >= limits.probesPerClient ? limits.probesPerClient : limits.probesOverall})`,
      };
    }
    s.inFlight.set(client, mine + 1);
    s.inFlightTotal++;
  }
  b.tokens -= 1;
  all.tokens -= 1;
  let released = false;
  return {
    ok: true,
    release: () => {
      if (!probing || released) return;
      released = true;
      const left = (s.inFlight.get(client) ?? 1) - 1;
      if (left <= 0) s.inFlight.delete(client);
      else s.inFlight.set(client, left);
      s.inFlightTotal--;
    },
  };
}

/** Who is asking: the socket's address as Next records it (loopback-only by default, so mostly 127.0.0.1). */
export function clientKey(headers: Headers): string {
  return (headers.get('x-forwarded-for') ?? 'local').split(',')[0]!.trim() || 'local';
}
