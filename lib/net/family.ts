import { isIPv6Address, unbracket } from '@/lib/net/address';

/** The two address families a socket can belong to, spelled as Node and the OS tools print them. */
export type Family = 'IPv4' | 'IPv6';

/**
 * The family of the socket an address literally names. IPv6 text is IPv6 even when it carries an IPv4
 * address inside: a socket bound to ::ffff:127.0.0.1 is an IPv6 socket, netstat lists it as TCPv6. A caller
 * that wants "a mapped address counts as its IPv4 address" says so: `familyOf(unmapIPv4(address))`.
 * Brackets and zone ids are accepted ('[::1]', 'fe80::1%lo'); anything that is not IPv6 text (an IPv4
 * address, a '*' from lsof) is IPv4.
 */
export function familyOf(address: string): Family {
  return isIPv6Address(unbracket(address)) ? 'IPv6' : 'IPv4';
}
