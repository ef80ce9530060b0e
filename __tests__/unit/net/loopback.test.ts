import { isLoopbackAddress, isLoopbackName } from '@/lib/net';

describe('isLoopbackAddress', () => {
  test.each([
    '127.0.0.1',
    '127.0.0.2',
    '127.255.255.254',
    '::1',
    '0:0:0:0:0:0:0:1',
    '::1%lo',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::FFFF:127.9.9.9',
  ])('%s is this machine', (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  test.each([
    // IPv4-compatible: the kernel routes it as ::7f00:1, which is not loopback.
    '::127.0.0.1',
    '::ffff:10.0.0.1',
    '10.0.0.1',
    '0.0.0.0',
    '::',
    'fe80::1%lo',
    '[::1]',
    'localhost',
    '128.0.0.1',
    '',
  ])('%s is not a loopback address', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('isLoopbackName', () => {
  test.each(['localhost', 'LOCALHOST', 'localhost.', 'api.localhost', 'a.b.localhost'])('%s', (name) => {
    expect(isLoopbackName(name)).toBe(true);
  });
  test.each(['localhost.example', 'mylocalhost', '127.0.0.1', 'localhostx', ''])('%s is not', (name) => {
    expect(isLoopbackName(name)).toBe(false);
  });
});
