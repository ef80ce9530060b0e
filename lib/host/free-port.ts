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

/** Ports that popular dev servers default to: a suggested port should not collide with tomorrow's `npm run dev`. */
export const POPULAR_DEV_PORTS = new Set([
  3000, 3001, 4000, 4200, 5000, 5173, 5174, 8000, 8008, 8080, 8081, 8443, 8888, 9000, 4173, 6006,
]);

export interface FreePortOptions {
  /** Ports the OS hands out for outgoing connections: avoided, a server there can collide at random. */
  ephemeral?: { low: number; high: number };
  /** Loopback addresses the port must be free on (a server on 127.0.0.1 and another on ::1 can share a number). */
  hosts?: string[];
  maxTries?: number;
}

function candidateOrder(near: number, maxTries: number): number[] {
  const out: number[] = [];
  for (let d = 1; out.length < maxTries && (near + d <= 65535 || near - d >= 1024); d++) {
    if (near + d <= 65535) out.push(near + d);
    if (near - d >= 1024) out.push(near - d);
  }
  return out;
}

/**
 * The nearest port to `near` that is free on every loopback address (verified by binding), preferring
 * ports outside the ephemeral range and away from popular dev-server ports. null when none is found.
 */
export async function findFreePortNear(near: number, options: FreePortOptions = {}): Promise<number | null> {
  const hosts = options.hosts ?? ['127.0.0.1', '::1'];
  const eph = options.ephemeral;
  const inEphemeral = (p: number) => (eph ? p >= eph.low && p <= eph.high : false);
  const candidates = candidateOrder(near, options.maxTries ?? 400);
  const preferred = candidates.filter((p) => !POPULAR_DEV_PORTS.has(p) && !inEphemeral(p));
  const fallback = candidates.filter((p) => !POPULAR_DEV_PORTS.has(p) && inEphemeral(p));
  for (const port of [...preferred, ...fallback]) {
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
