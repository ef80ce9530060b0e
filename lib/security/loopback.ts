import ipaddr from 'ipaddr.js';

/**
 * ipaddr.js reads an IPv6 text ending in a dotted quad as IPv4-mapped even without the ffff group, so
 * "::127.0.0.1" (IPv4-compatible, which the kernel routes as ::7f00:1, not loopback) would pass as 127.0.0.1.
 * Only the real mapped prefix counts.
 */
function fakeMapped(address: string): boolean {
  if (!address.includes(':') || !address.includes('.')) return false;
  const groups = address.toLowerCase().split(':');
  return groups[groups.length - 2] !== 'ffff';
}

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z). */
export function isLoopbackAddress(address: string): boolean {
  if (!ipaddr.isValid(address) || fakeMapped(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'loopback';
}

/** localhost and *.localhost always mean this machine (RFC 6761), whatever a resolver says. */
export function isLoopbackName(name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n === 'localhost' || n.endsWith('.localhost');
}
