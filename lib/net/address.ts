import ipaddr from 'ipaddr.js';

/** '[::1]' → '::1'; anything not wrapped in brackets comes back unchanged. */
export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** A dotted quad of four decimal parts ('127.0.0.1'); '127.1' and '2130706433' are spellings, not this. */
export function isIPv4Address(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

/**
 * IPv6 text, with an optional zone id ('fe80::1%eth0.5'): the zone is whatever the OS named the interface,
 * so only the address before '%' is checked. ipaddr.js alone would also take a bare IPv4 text, hence the ':'.
 */
export function isIPv6Address(text: string): boolean {
  const zone = text.indexOf('%');
  if (zone === 0 || zone === text.length - 1) return false;
  const address = zone < 0 ? text : text.slice(0, zone);
  return address.includes(':') && ipaddr.IPv6.isValid(address);
}

export function isIPAddress(text: string): boolean {
  return isIPv4Address(text) || isIPv6Address(text);
}

/**
 * ipaddr.js reads an IPv6 text ending in a dotted quad as IPv4-mapped even without the ffff group, so
 * "::127.0.0.1" (IPv4-compatible, which the kernel routes as ::7f00:1, not loopback) would pass as 127.0.0.1.
 * Only the real mapped prefix counts.
 */
function compatibleNotMapped(address: string): boolean {
  if (!address.includes('.')) return false;
  const groups = address.toLowerCase().split(':');
  return groups[groups.length - 2] !== 'ffff';
}

/**
 * The IPv4 address an IPv4-mapped IPv6 address carries ('::ffff:127.0.0.1', '::ffff:7f00:1' → '127.0.0.1');
 * any other text comes back unchanged. Use it where a mapped address should count as the IPv4 one: a
 * dual-stack socket accepts IPv4 clients under their mapped spelling.
 */
export function unmapIPv4(address: string): string {
  if (!isIPv6Address(address) || address.includes('%') || compatibleNotMapped(address)) return address;
  const parsed = ipaddr.IPv6.parse(address);
  return parsed.isIPv4MappedAddress() ? parsed.toIPv4Address().toString() : address;
}

/** The IPv4 and IPv6 wildcard ("any address") binds, as the OS lists them. */
export const IPV4_WILDCARD = '0.0.0.0';
export const IPV6_WILDCARD = '::';

/**
 * A bind to every address: 0.0.0.0, :: (also mapped, ::ffff:0.0.0.0), and '*', which lsof and netstat print
 * for either.
 */
export function isWildcard(address: string): boolean {
  const a = unmapIPv4(address);
  return a === IPV4_WILDCARD || a === IPV6_WILDCARD || a === '*';
}
