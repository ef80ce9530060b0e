import { isIPAddress, isIPv4Address, isIPv6Address, isWildcard, unbracket, unmapIPv4 } from '@/lib/net';

describe('unmapIPv4', () => {
  test.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::ffff:7f00:1', '127.0.0.1'],
    ['0:0:0:0:0:ffff:10.1.2.3', '10.1.2.3'],
    ['::FFFF:192.168.0.1', '192.168.0.1'],
    ['::ffff:0.0.0.0', '0.0.0.0'],
  ])('%s carries the IPv4 address %s', (mapped, v4) => {
    expect(unmapIPv4(mapped)).toBe(v4);
  });

  test.each([
    '127.0.0.1',
    '::1',
    '::',
    // IPv4-compatible, not mapped: ipaddr.js alone would read it as 127.0.0.1.
    '::127.0.0.1',
    '1::ffff:127.0.0.1',
    'fe80::1%lo',
    '[::ffff:127.0.0.1]',
    'localhost',
    '*',
    '',
  ])('%s is not an IPv4-mapped address and comes back unchanged', (address) => {
    expect(unmapIPv4(address)).toBe(address);
  });
});

describe('address literals', () => {
  test.each([
    ['127.0.0.1', true, false],
    ['127.1', false, false],
    ['2130706433', false, false],
    ['::1', false, true],
    ['::ffff:127.0.0.1', false, true],
    ['fe80::1%lo', false, true],
    ['fe80::1%', false, false],
    ['%lo', false, false],
    ['[::1]', false, false],
    ['localhost', false, false],
    ['1:2', false, false],
  ])('%s: IPv4 %s, IPv6 %s', (text, v4, v6) => {
    expect(isIPv4Address(text)).toBe(v4);
    expect(isIPv6Address(text)).toBe(v6);
    expect(isIPAddress(text)).toBe(v4 || v6);
  });

  test.each([
    ['[::1]', '::1'],
    ['[fe80::1%lo]', 'fe80::1%lo'],
    ['::1', '::1'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1', '[::1'],
  ])('unbracket(%s) is %s', (host, bare) => {
    expect(unbracket(host)).toBe(bare);
  });
});

describe('isWildcard', () => {
  test.each(['0.0.0.0', '::', '*', '::ffff:0.0.0.0'])('%s binds every address', (address) => {
    expect(isWildcard(address)).toBe(true);
  });
  test.each(['127.0.0.1', '::1', '0.0.0.1', '::0.0.0.0', 'localhost', ''])(
    '%s is a specific address',
    (a) => {
      expect(isWildcard(a)).toBe(false);
    },
  );
});
