import { urlHost } from '@/lib/net';
import { splitHostHeader } from '@/lib/security/host-header';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

/**
 * Cross-site write defence: a write must come from a page of this very app, i.e. its Origin names the same
 * scheme, host and port the request was sent to. Missing or "null" Origin is refused.
 */
export function isSameOrigin(origin: string | null, hostHeader: string | null, scheme = 'http'): boolean {
  if (!origin || origin === 'null' || !hostHeader) return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const host = splitHostHeader(hostHeader);
  if (!host) return false;
  const expectedHost = urlHost(host.host);
  const expectedPort = host.port ?? (scheme === 'https' ? '443' : '80');
  const originPort = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return (
    parsed.protocol === `${scheme}:` &&
    parsed.hostname.toLowerCase() === expectedHost &&
    originPort === expectedPort
  );
}
