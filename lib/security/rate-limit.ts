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
  /** Per-client buckets, least recently used first (a Map keeps insertion order; every use re-inserts). */
  buckets: Map<string, Bucket>;
  overall: Bucket | null;
  inFlight: Map<string, number>;
  inFlightTotal: number;
}

/**
 * Most client buckets kept at once. Past it the least recently used are dropped (their clients start again
 * with a full bucket): memory stays bounded under a flood of made-up client keys, and the clients actually
 * sending requests keep their state. The overall bucket is kept apart and never dropped.
 */
export const MAX_CLIENT_BUCKETS = 10_000;

const g = globalThis as typeof globalThis & { __localhostDoctorLimiterV2?: LimiterState };
function state(): LimiterState {
  g.__localhostDoctorLimiterV2 ??= {
    buckets: new Map(),
    overall: null,
    inFlight: new Map(),
    inFlightTotal: 0,
  };
  return g.__localhostDoctorLimiterV2;
}

/** How many client buckets are held (for tests and diagnostics). */
export function clientBucketCount(): number {
  return state().buckets.size;
}

export type Admission =
  { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: string };

function refill(b: Bucket, burst: number, perSecond: number, now: number): Bucket {
  b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.updated) / 1000) * perSecond);
  b.updated = Math.max(b.updated, now);
  return b;
}

/** The client's bucket, refilled and moved to the most recently used end; evicts the oldest past the cap. */
function clientBucket(client: string, burst: number, perSecond: number, now: number): Bucket {
  const { buckets } = state();
  const b = buckets.get(client) ?? { tokens: burst, updated: now };
  buckets.delete(client);
  buckets.set(client, b);
  for (const oldest of buckets.keys()) {
    if (buckets.size <= MAX_CLIENT_BUCKETS) break;
    buckets.delete(oldest);
  }
  return refill(b, burst, perSecond, now);
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
  const b = clientBucket(client, limits.burst, limits.perSecond, now);
  s.overall ??= { tokens: limits.burst * OVERALL_FACTOR, updated: now };
  const all = refill(s.overall, limits.burst * OVERALL_FACTOR, limits.perSecond * OVERALL_FACTOR, now);
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

/**
 * Who is asking: the peer address Next records in x-forwarded-for. Next only fills that header when the
 * client did not send one itself, so a local client can pick its own key (and so its own bucket). That is why
 * the per-client limits are a courtesy between well-behaved clients, and the overall bucket and overall probe
 * cap in admit() are the real bound.
 */
export function clientKey(headers: Headers): string {
  // At most 64 characters (an IPv6 address with a zone fits): 10,000 keys stay well under a megabyte.
  return (headers.get('x-forwarded-for') ?? 'local').split(',')[0]!.trim().slice(0, 64) || 'local';
}
