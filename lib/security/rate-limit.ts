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
 * Who is asking. The custom server (lib/server/gate.ts) identifies the peer from the socket — its uid for a
 * client on this machine, its address for another machine — strips any client-sent copy and passes it in
 * x-ld-peer. Without that server (`next dev`, or `next start` run by hand) the fallback is the
 * x-forwarded-for Next records, which a client can set itself.
 */
export function clientKey(headers: Headers): string {
  // At most 64 characters (an IPv6 address with a zone fits): 10,000 keys stay well under a megabyte.
  const peer = headers.get('x-ld-peer') ?? headers.get('x-forwarded-for') ?? 'local';
  return peer.split(',')[0]!.trim().slice(0, 64) || 'local';
}

const LIMIT_NAMES = ['burst', 'perSecond', 'probesPerClient', 'probesOverall'] as const;

/**
 * RATE_LIMITS="burst=40,perSecond=10,probesPerClient=8,probesOverall=24" (any subset; positive integers)
 * over DEFAULT_LIMITS. Returns an error sentence for a malformed value, so `npm start` can refuse it.
 */
export function limitsFromEnv(value: string | undefined): Limits | string {
  const limits: Limits = { ...DEFAULT_LIMITS };
  if (!value) return limits;
  for (const part of value.split(',')) {
    const [name, raw] = part.split('=').map((s) => s.trim());
    const n = Number(raw);
    if (
      !LIMIT_NAMES.includes(name as (typeof LIMIT_NAMES)[number]) ||
      !Number.isInteger(n) ||
      n < 1 ||
      n > 1e9
    )
      return `RATE_LIMITS must be name=number pairs (${LIMIT_NAMES.join(', ')}; whole numbers from 1), got "${part.slice(0, 60)}"`;
    limits[name as (typeof LIMIT_NAMES)[number]] = n;
  }
  return limits;
}

/** The limits this server runs with (RATE_LIMITS over the defaults; a malformed value keeps the defaults). */
export function configuredLimits(): Limits {
  const limits = limitsFromEnv(process.env.RATE_LIMITS);
  return typeof limits === 'string' ? DEFAULT_LIMITS : limits;
}
