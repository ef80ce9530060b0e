import {
  decodeHexAddress,
  formatIPv6,
  parseProcNet,
  procNetFields,
  tcpStateName,
  TCP_LISTEN,
} from '@/lib/host/linux/procnet';
import { fixture } from './read-fixture';

describe('decodeHexAddress', () => {
  it('reads an IPv4 word printed in little-endian host order', () => {
    expect(decodeHexAddress('0100007F', true)).toBe('127.0.0.1');
    expect(decodeHexAddress('00000000', true)).toBe('0.0.0.0');
    expect(decodeHexAddress('1401A8C0', true)).toBe('192.168.1.20');
  });

  it('reads the same address printed by a big-endian kernel', () => {
    expect(decodeHexAddress('7F000001', false)).toBe('127.0.0.1');
  });

  it('reverses the bytes of each of the four IPv6 words', () => {
    expect(decodeHexAddress('00000000000000000000000001000000', true)).toBe('::1');
    expect(decodeHexAddress('00000000000000000000000000000000', true)).toBe('::');
    expect(decodeHexAddress('B80D0120000000000000000001000000', true)).toBe('2001:db8::1');
    expect(decodeHexAddress('000080FE00000000FF27000AA1664EFE', true)).toBe('fe80::a00:27ff:fe4e:66a1');
  });

  it('prints an IPv4-mapped IPv6 address in dotted form, as ss does', () => {
    expect(decodeHexAddress('0000000000000000FFFF00000100007F', true)).toBe('::ffff:127.0.0.1');
  });

  it('rejects text that is not a /proc/net address', () => {
    expect(() => decodeHexAddress('12345', true)).toThrow(TypeError);
  });
});

describe('formatIPv6 (RFC 5952)', () => {
  const bytes = (groups: number[]) => groups.flatMap((g) => [g >> 8, g & 0xff]);
  it('compresses the longest zero run, the first one on a tie', () => {
    expect(formatIPv6(bytes([0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]))).toBe('2001:db8::1:0:0:1');
    expect(formatIPv6(bytes([0x2001, 0, 0, 1, 0, 0, 0, 1]))).toBe('2001:0:0:1::1');
  });
  it('leaves a single zero group alone', () => {
    expect(formatIPv6(bytes([0x2001, 0xdb8, 0, 1, 1, 1, 1, 1]))).toBe('2001:db8:0:1:1:1:1:1');
  });
  it('handles runs at either end', () => {
    expect(formatIPv6(bytes([0xfe80, 0, 0, 0, 0, 0, 0, 0]))).toBe('fe80::');
    expect(formatIPv6(bytes([0, 0, 0, 0, 0, 0, 0, 1]))).toBe('::1');
  });
});

describe('parseProcNet', () => {
  it('decodes listeners, connections and TIME_WAIT rows of /proc/net/tcp', () => {
    const rows = parseProcNet(fixture('linux-proc-net-tcp.txt'), true);
    expect(rows).toHaveLength(9);
    expect(rows[1]).toEqual({
      family: 'IPv4',
      localAddress: '127.0.0.1',
      localPort: 3000,
      remoteAddress: '0.0.0.0',
      remotePort: 0,
      state: TCP_LISTEN,
      uid: 1000,
      inode: 370905,
    });
    const timeWait = rows.find((r) => tcpStateName(r.state) === 'TIME_WAIT');
    expect(timeWait).toMatchObject({ localPort: 51000, remotePort: 3000, inode: 0 });
  });

  it('decodes IPv6 rows, including an IPv4-mapped peer', () => {
    const rows = parseProcNet(fixture('linux-proc-net-tcp6.txt'), true);
    expect(rows.map((r) => `${r.localAddress}:${r.localPort}`)).toEqual([
      '::1:8080',
      ':::5173',
      'fe80::a00:27ff:fe4e:66a1:9000',
      '2001:db8::1:443',
      '::ffff:127.0.0.1:5173',
    ]);
    expect(rows.every((r) => r.family === 'IPv6')).toBe(true);
  });

  it('decodes UDP rows: state 07 is a bound socket, 01 a connected one', () => {
    const rows = parseProcNet(fixture('linux-proc-net-udp.txt'), true);
    expect(rows.map((r) => [r.localAddress, r.localPort, r.state])).toEqual([
      ['0.0.0.0', 5353, 7],
      ['127.0.0.53', 53, 7],
      ['192.168.1.20', 41234, 1],
    ]);
  });

  it('skips the header and a line cut in half by a chunked read', () => {
    expect(procNetFields('  sl  local_address rem_address   st tx_queue')).toBeNull();
    expect(procNetFields('   1: 0100007F:0BB8 00000000:0000 0A 00000000:00000000')).toBeNull();
  });
});

describe('tcpStateName', () => {
  it('names the kernel states 01..0C and calls anything else UNKNOWN', () => {
    expect([1, 6, 8, 10, 12].map(tcpStateName)).toEqual([
      'ESTABLISHED',
      'TIME_WAIT',
      'CLOSE_WAIT',
      'LISTEN',
      'NEW_SYN_RECV',
    ]);
    expect(tcpStateName(0x42)).toBe('UNKNOWN');
  });
});
