import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { hostPort, isValidPort, parsePort, unbracket, urlHost } from '@/lib/net';

/**
 * One spelling per address, for comparing. A dotted tail becomes two hex groups first: ipaddr.js would read
 * '::0.0.0.0' (IPv4-compatible) as IPv4-mapped and so as another address than the one URL parsed.
 */
function canonical(address: string): string {
  const hexTail = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    address.includes(':') ? `${(a * 256 + +b).toString(16)}:${(c * 256 + +d).toString(16)}` : _,
  );
  return ipaddr.parse(hexTail).toNormalizedString();
}

describe('hostPort and urlHost: IPv6 literals in brackets, everything else as it is', () => {
  test.each([
    ['127.0.0.1', 80, '127.0.0.1:80', '127.0.0.1'],
    ['::1', 80, '[::1]:80', '[::1]'],
    ['[::1]', 8080, '[::1]:8080', '[::1]'],
    ['::ffff:127.0.0.1', 3000, '[::ffff:127.0.0.1]:3000', '[::ffff:127.0.0.1]'],
    ['fe80::1%lo', 22, '[fe80::1%lo]:22', '[fe80::1%lo]'],
    ['localhost', 6280, 'localhost:6280', 'localhost'],
    ['0.0.0.0', 1, '0.0.0.0:1', '0.0.0.0'],
    ['::', 65535, '[::]:65535', '[::]'],
  ])('%s and %d', (host, port, joined, inUrl) => {
    expect(hostPort(host, port)).toBe(joined);
    expect(urlHost(host)).toBe(inUrl);
  });

  test('what hostPort writes, a browser URL parser reads back as the same address and port', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('::0.0.0.0', '::ffff:127.0.0.1')),
        fc.integer({ min: 1, max: 65535 }),
        (host, port) => {
          const url = new URL(`http://${hostPort(host, port)}/`);
          expect(canonical(unbracket(url.hostname))).toBe(canonical(host));
          expect(Number(url.port || '80')).toBe(port);
        },
      ),
    );
  });
});

describe('ports', () => {
  test.each([
    [1, true],
    [80, true],
    [65535, true],
    [0, false],
    [65536, false],
    [-1, false],
    [80.5, false],
    [NaN, false],
  ])('isValidPort(%d) is %s', (port, valid) => {
    expect(isValidPort(port)).toBe(valid);
  });

  test.each([
    ['80', 80],
    ['0', 0],
    ['65535', 65535],
    ['08080', 8080],
    ['65536', null],
    ['', null],
    [' 80', null],
    ['0x50', null],
    ['1e3', null],
    ['+80', null],
    ['80.0', null],
    ['123456', null],
  ])('parsePort(%j) is %j', (text, port) => {
    expect(parsePort(text)).toBe(port);
  });
});
