import 'server-only';
import net from 'node:net';

/** True when `port` can be bound on `host` right now (proven by binding it, then letting it go). */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Ports a suggestion should not take: what popular dev servers default to (tomorrow's `npm run dev` would
 * collide), the databases and brokers developers run locally, and Localhost Doctor's own default.
 */
export const POPULAR_DEV_PORTS = new Set([
  // dev servers and tools
  3000, 3001, 4000, 4173, 4200, 5000, 5173, 5174, 6006, 8000, 8008, 8080, 8081, 8443, 8888, 9000,
  // local databases, caches and brokers
  1433, 1521, 2181, 3306, 5432, 5672, 6379, 9092, 9200, 11211, 27017,
  // Localhost Doctor (scripts/start.ts)
  6280,
]);

/** Below this, Linux needs root or CAP_NET_BIND_SERVICE to bind: a suggestion must work for any user. */
const FIRST_UNPRIVILEGED = 1024;

export interface FreePortOptions {
  /** Ports the OS hands out for outgoing connections: avoided, a server there can collide at random. */
  ephemeral?: { low: number; high: number };
  /** Loopback addresses the port must be free on (a server on 127.0.0.1 and another on ::1 can share a number). */
  hosts?: string[];
  maxTries?: number;
  /** Whether `near` itself may be the answer (the API asks "nearest free"; a taken port's fact does not). */
  includeNear?: boolean;
  /** The lowest port worth suggesting: 1024 unless the one who will bind it may bind privileged ports. */
  lowest?: number;
}

/** Unprivileged ports by distance from `near`, the higher one first at equal distance. */
export function candidateOrder(
  near: number,
  maxTries: number,
  includeNear = false,
  lowest = FIRST_UNPRIVILEGED,
): number[] {
  const out: number[] = [];
  const usable = (p: number) => p >= lowest && p <= 65535;
  if (includeNear && usable(near)) out.push(near);
  for (let d = 1; out.length < maxTries && (near + d <= 65535 || near - d >= lowest); d++) {
    if (usable(near + d)) out.push(near + d);
    if (usable(near - d) && out.length < maxTries) out.push(near - d);
  }
  return out;
}

/**
 * The order in which candidates are tried: outside the ephemeral range first, the ephemeral range only
 * as a fallback, popular ports never (unless the caller asked for exactly that port).
 */
export function preferenceOrder(candidates: number[], options: FreePortOptions, near: number): number[] {
  const eph = options.ephemeral;
  const inEphemeral = (p: number) => (eph ? p >= eph.low && p <= eph.high : false);
  const acceptable = candidates.filter(
    (p) => !POPULAR_DEV_PORTS.has(p) || (options.includeNear === true && p === near),
  );
  return [...acceptable.filter((p) => !inEphemeral(p)), ...acceptable.filter(inEphemeral)];
}

/**
 * The nearest port to `near` that is free on every loopback address (verified by binding), preferring
 * ports outside the ephemeral range and away from popular ports. null when none is found. "Free" is a
 * moment's truth: another process can take the port before the user starts their server on it.
 */
export async function findFreePortNear(near: number, options: FreePortOptions = {}): Promise<number | null> {
  const hosts = options.hosts ?? ['127.0.0.1', '::1'];
  const order = preferenceOrder(
    candidateOrder(near, options.maxTries ?? 400, options.includeNear, options.lowest),
    options,
    near,
  );
  for (const port of order) {
    let free = true;
    for (const host of hosts) {
      if (!(await isPortFree(host, port).catch(() => false))) {
        // ::1 may not exist at all (IPv6 disabled): that is not "taken".
        if (host === '::1' && !(await ipv6LoopbackExists())) continue;
        free = false;
        break;
      }
    }
    if (free) return port;
  }
  return null;
}

let ipv6Loopback: Promise<boolean> | null = null;
function ipv6LoopbackExists(): Promise<boolean> {
  ipv6Loopback ??= isPortFree('::1', 0);
  return ipv6Loopback;
}
