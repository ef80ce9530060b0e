import path from 'node:path';
import { listeningInodesIn } from '@/lib/host/linux/listening-inodes';
import { fixture, tempFiles } from './read-fixture';

const file = tempFiles('listening-inodes-');

function inodes(target: string, protocol: 'tcp' | 'udp'): number[] {
  const into: number[] = [];
  expect(listeningInodesIn(target, protocol, into)).toBe(true);
  return into;
}

const tcpRow = (sl: number, state: string, inode: number) =>
  `${String(sl).padStart(4)}: 0100007F:${(3000 + sl).toString(16).toUpperCase().padStart(4, '0')} 00000000:0000 ${state} 00000000:00000000 00:00000000 00000000  1000        0 ${inode} 1 0000000000000000 100 0 0 10 0`.padEnd(
    149,
  ) + '\n';

describe('listeningInodesIn (the recorder’s byte scanner)', () => {
  it('reads the LISTEN rows of a captured tcp file and stops at the first other state', () => {
    // A LISTEN row after an ESTABLISHED one is never reached: the kernel never prints that order.
    const trap = `${fixture('linux-proc-net-tcp.txt')}${tcpRow(99, '0A', 999)}`;
    expect(inodes(file('tcp', trap), 'tcp')).toEqual([18342, 370905, 16211, 412877]);
  });

  it('reads tcp6 rows (long addresses) the same way', () => {
    expect(inodes(file('tcp6', fixture('linux-proc-net-tcp6.txt')), 'tcp')).toContain(370906);
  });

  it('keeps bound UDP sockets and drops connected ones (state 07 with a peer)', () => {
    expect(inodes(file('udp', fixture('linux-proc-net-udp.txt')), 'udp')).toEqual([370912, 16210]);
    const connected =
      ' 2400: 0100007F:A000 0100007F:0035 07 00000000:00000000 00:00000000 00000000  1000        0 500001 2 0000000000000000 0\n';
    expect(inodes(file('udp-connected', `${fixture('linux-proc-net-udp.txt')}${connected}`), 'udp')).toEqual([
      370912, 16210,
    ]);
  });

  it('decodes rows that span the read chunks (thousands of listeners)', () => {
    const header = fixture('linux-proc-net-tcp.txt').split('\n')[0] + '\n';
    const listening = Array.from({ length: 3000 }, (_, i) => tcpRow(i, '0A', 1_000_000 + i * 7));
    const text = header + listening.join('') + tcpRow(3000, '01', 42) + tcpRow(3001, '0A', 43);
    expect(text.length).toBeGreaterThan(3 * 32 * 1024);
    expect(inodes(file('tcp-many', text), 'tcp')).toEqual(
      Array.from({ length: 3000 }, (_, i) => 1_000_000 + i * 7),
    );
  });

  it('says when a file cannot be read, except a missing IPv6 file (IPv6 off)', () => {
    expect(listeningInodesIn(path.join(path.dirname(file('present', '')), 'no-such', 'tcp'), 'tcp', [])).toBe(
      false,
    );
    expect(
      listeningInodesIn(path.join(path.dirname(file('present', '')), 'no-such', 'tcp6'), 'tcp', []),
    ).toBe(true);
  });
});
