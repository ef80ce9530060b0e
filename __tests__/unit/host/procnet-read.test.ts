import os from 'node:os';
import path from 'node:path';
import { readProcNet } from '@/lib/host/linux/procnet-read';
import { fixture, tempFiles } from './read-fixture';
import { requireOrSkip } from '@/__tests__/support/requirements';

const file = tempFiles('procnet-');

// These tests decode with the host's byte order; the fixtures were written for little-endian.
const littleEndian = os.endianness() === 'LE';
function itOnLittleEndian(name: string, test: () => void): void {
  it(name, () => {
    if (requireOrSkip(littleEndian, 'a little-endian CPU (the /proc/net fixtures are little-endian)')) test();
  });
}

describe('readProcNet', () => {
  itOnLittleEndian('stops at the first row that is not LISTEN when asked for listeners only', () => {
    const tcp = fixture('linux-proc-net-tcp.txt');
    // A LISTEN row placed after an ESTABLISHED one is never reached: the kernel never prints that.
    const trap =
      tcp +
      '  99: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1 0 100 0 0 10 0\n';
    const rows = readProcNet(file('tcp', trap), { listenersOnly: true }) ?? [];
    expect(rows.map((r) => r.localPort)).toEqual([22, 3000, 53, 62893]);
  });

  itOnLittleEndian('filters by port before decoding but still reports every listening inode', () => {
    const live = new Set<number>();
    const rows =
      readProcNet(file('tcp-port', fixture('linux-proc-net-tcp.txt')), {
        listenersOnly: true,
        port: 3000,
        collectInodes: live,
      }) ?? [];
    expect(rows.map((r) => r.inode)).toEqual([370905]);
    expect([...live]).toEqual([18342, 370905, 16211, 412877]);
  });

  itOnLittleEndian('matches either end when withRemote is set', () => {
    const rows =
      readProcNet(file('tcp-remote', fixture('linux-proc-net-tcp.txt')), { port: 3000, withRemote: true }) ??
      [];
    expect(rows.map((r) => `${r.localPort}->${r.remotePort}`)).toEqual([
      '3000->0',
      '3000->43048',
      '43048->3000',
      '51000->3000',
      '3000->51002',
    ]);
  });

  itOnLittleEndian('reads a file larger than one chunk without losing the line that straddles chunks', () => {
    const [header, ...lines] = fixture('linux-proc-net-tcp.txt').trimEnd().split('\n');
    const many = [header, ...Array.from({ length: 3000 }, () => lines[1])].join('\n') + '\n';
    expect(readProcNet(file('big', many), { listenersOnly: true })).toHaveLength(3000);
  });

  itOnLittleEndian('returns null for a missing file (IPv6 disabled)', () => {
    expect(readProcNet(path.join(path.dirname(file('present', '')), 'no-such-file'))).toBeNull();
  });
});
