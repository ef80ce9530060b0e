import { isIPAddress, isLoopbackAddress, isLoopbackName } from '@/lib/net';

/** Splits a Host header value into host and port: "localhost:6280", "[::1]:6280", "127.0.0.1". */
export function splitHostHeader(value: string): { host: string; port: string | null } | null {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    if (end < 0) return null;
    const rest = v.slice(end + 1);
    if (rest && !/^:\d{1,5}$/.test(rest)) return null;
    return { host: v.slice(1, end), port: rest ? rest.slice(1) : null };
  }
  const parts = v.split(':');
  if (parts.length > 2) return null;
  if (parts.length === 2 && !/^\d{1,5}$/.test(parts[1]!)) return null;
  return { host: parts[0]!, port: parts[1] ?? null };
}

export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * DNS-rebinding defence: a page on evil.example that re-points its name to 127.0.0.1 still sends
 * "Host: evil.example", so only loopback names/addresses (and names the user listed) are served.
 */
export function isHostAllowed(
  hostHeader: string | null,
  allowed: string[] = parseAllowedHosts(process.env.ALLOWED_HOSTS),
): boolean {
  if (!hostHeader) return false;
  const split = splitHostHeader(hostHeader);
  if (!split) return false;
  const { host } = split;
  if (isLoopbackName(host)) return true;
  // Only dotted-quad IPv4 or bracketed IPv6 count as addresses; "2130706433" as a Host is not what a browser sends.
  if (isIPAddress(host) && isLoopbackAddress(host)) return true;
  return allowed.includes(host);
}
