import { familyOf, unmapIPv4 } from '@/lib/net';

describe('familyOf: the family of the socket an address literally names', () => {
  test.each([
    ['127.0.0.1', 'IPv4'],
    ['0.0.0.0', 'IPv4'],
    ['192.168.1.20', 'IPv4'],
    ['::1', 'IPv6'],
    ['::', 'IPv6'],
    ['2001:db8::5', 'IPv6'],
    ['[::1]', 'IPv6'],
    ['[fe80::1%4]', 'IPv6'],
    ['fe80::1%lo', 'IPv6'],
    ['fe80::1%eth0.5', 'IPv6'],
    // A socket bound to a mapped address is an IPv6 socket (netstat lists it under TCPv6).
    ['::ffff:127.0.0.1', 'IPv6'],
    ['::ffff:7f00:1', 'IPv6'],
    ['::127.0.0.1', 'IPv6'],
    // lsof's "any address" has no family of its own; it counts as IPv4, as it always has here.
    ['*', 'IPv4'],
  ] as const)('%s is %s', (address, family) => {
    expect(familyOf(address)).toBe(family);
  });

  test.each([
    ['::ffff:127.0.0.1', 'IPv4'],
    ['::FFFF:10.0.0.1', 'IPv4'],
    ['::ffff:7f00:1', 'IPv4'],
    ['::127.0.0.1', 'IPv6'],
    ['::1', 'IPv6'],
    ['127.0.0.1', 'IPv4'],
  ] as const)('after unmapping, %s counts as %s', (address, family) => {
    expect(familyOf(unmapIPv4(address))).toBe(family);
  });
});
