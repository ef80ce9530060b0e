import ipaddr from 'ipaddr.js';
import { unmapIPv4 } from '@/lib/net/address';

/**
 * True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.y.z). The IPv4-compatible
 * "::127.0.0.1" is not: the kernel routes it as ::7f00:1, which is no loopback address.
 */
export function isLoopbackAddress(address: string): boolean {
  const a = unmapIPv4(address);
  return ipaddr.isValid(a) && ipaddr.parse(a).range() === 'loopback';
}

/** localhost and *.localhost always mean this machine (RFC 6761), whatever a resolver says. */
export function isLoopbackName(name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, '');
  return n === 'localhost' || n.endsWith('.localhost');
}
