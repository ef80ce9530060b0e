/**
 * The one address model: families, IPv4-mapped IPv6, loopback, wildcards, [host]:port, ports. Pure and free
 * of Node-only imports, so the browser bundle uses the same functions as the server.
 */
export { type Family, familyOf } from '@/lib/net/family';
export {
  IPV4_WILDCARD,
  IPV6_WILDCARD,
  isIPAddress,
  isIPv4Address,
  isIPv6Address,
  isWildcard,
  unbracket,
  unmapIPv4,
} from '@/lib/net/address';
export { isLoopbackAddress, isLoopbackName } from '@/lib/net/loopback';
export { hostPort, urlHost } from '@/lib/net/host-port';
export { MAX_PORT, isValidPort, parsePort } from '@/lib/net/port';
