import { summarizeConnections } from '@/lib/host/connections';
import { addressKey, normalizeTcpState, parseEndpoint, unembedScope } from '@/lib/host/endpoint';
import { sortListeners, toListener, unreadableOwnersWarning } from '@/lib/host/listeners/rows';
import type { Connection } from '@/lib/host/listeners/types';

describe('parseEndpoint', () => {
  it('reads the forms lsof, netstat and Windows print', () => {
    expect(parseEndpoint('127.0.0.1:3000', 'IPv4')).toEqual({ address: '127.0.0.1', port: 3000 });
    expect(parseEndpoint('[::1]:3000', 'IPv6')).toEqual({ address: '::1', port: 3000 });
    expect(parseEndpoint('*:5353', 'IPv6')).toEqual({ address: '::', port: 5353 });
    expect(parseEndpoint('*.*', 'IPv4', '.')).toEqual({ address: '0.0.0.0', port: 0 });
    expect(parseEndpoint('fe80::1%lo0.7000', 'IPv6', '.')).toEqual({ address: 'fe80::1%lo0', port: 7000 });
  });
  it('rejects what is not an endpoint', () => {
    expect(parseEndpoint('nonsense', 'IPv4')).toBeNull();
    expect(parseEndpoint('1.2.3.4:99999', 'IPv4')).toBeNull();
  });
});

describe('link-local scopes', () => {
  it("unembeds the KAME scope and matches it with netstat's %zone form", () => {
    expect(unembedScope('fe80:4::aede:48ff:fe00:1122')).toBe('fe80::aede:48ff:fe00:1122%4');
    expect(unembedScope('fe80::1%lo0')).toBe('fe80::1%lo0');
    expect(unembedScope('::1')).toBe('::1');
    expect(unembedScope('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('fe80:1::1')).toBe(addressKey('fe80::1%lo0'));
  });
});

describe('normalizeTcpState', () => {
  it('maps BSD and Windows spellings to the Linux names', () => {
    expect(
      ['LISTENING', 'SYN_RCVD', 'SYN_RECEIVED', 'FIN_WAIT_1', 'CLOSED', 'time_wait', 'DELETE_TCB'].map(
        normalizeTcpState,
      ),
    ).toEqual(['LISTEN', 'SYN_RECV', 'SYN_RECV', 'FIN_WAIT1', 'CLOSE', 'TIME_WAIT', 'UNKNOWN']);
  });
});

describe('summarizeConnections', () => {
  const c = (state: Connection['state'], localPort: number, remotePort: number): Connection => ({
    state,
    localAddress: '127.0.0.1',
    localPort,
    remoteAddress: '127.0.0.1',
    remotePort,
  });

  it('counts both ends of the port by state and ignores listeners and other ports', () => {
    const summary = summarizeConnections(
      3000,
      [
        c('LISTEN', 3000, 0),
        c('ESTABLISHED', 3000, 50000),
        c('ESTABLISHED', 50000, 3000),
        c('TIME_WAIT', 50001, 3000),
        c('ESTABLISHED', 4000, 50002),
      ],
      'test',
    );
    expect(summary).toMatchObject({
      port: 3000,
      total: 3,
      byState: { ESTABLISHED: 2, TIME_WAIT: 1 },
      partial: false,
    });
    expect(summary.sample).toHaveLength(3);
  });

  it('keeps at most 50 in the sample and says when it is partial', () => {
    const many = Array.from({ length: 80 }, (_, i) => c('TIME_WAIT', 40000 + i, 3000));
    const summary = summarizeConnections(3000, many, 'test', ['netstat failed']);
    expect(summary.total).toBe(80);
    expect(summary.sample).toHaveLength(50);
    expect(summary.partial).toBe(true);
  });
});

describe('listener rows', () => {
  it('fills unknown owner fields with null, never a guess', () => {
    expect(
      toListener({ protocol: 'tcp', address: '::1', port: 3000, family: 'IPv6', pid: null }, undefined),
    ).toEqual({
      protocol: 'tcp',
      address: '::1',
      port: 3000,
      family: 'IPv6',
      pid: null,
      process: null,
      command: null,
      argv: null,
      executable: null,
      user: null,
      uid: null,
      startedAt: null,
      memoryBytes: null,
    });
  });

  it('sorts by port, then tcp before udp, then IPv4 before IPv6', () => {
    const row = (protocol: 'tcp' | 'udp', port: number, family: 'IPv4' | 'IPv6') =>
      toListener(
        { protocol, port, family, address: family === 'IPv4' ? '0.0.0.0' : '::', pid: 1 },
        undefined,
      );
    const sorted = sortListeners([
      row('udp', 53, 'IPv4'),
      row('tcp', 80, 'IPv6'),
      row('tcp', 53, 'IPv6'),
      row('tcp', 53, 'IPv4'),
    ]);
    expect(sorted.map((l) => `${l.port}/${l.protocol}/${l.family}`)).toEqual([
      '53/tcp/IPv4',
      '53/tcp/IPv6',
      '53/udp/IPv4',
      '80/tcp/IPv6',
    ]);
  });

  it('tells a person what to do about sockets without a readable owner', () => {
    expect(unreadableOwnersWarning(2, false)).toBe(
      '2 sockets whose owner could not be read: run with sudo to see them',
    );
    expect(unreadableOwnersWarning(1, true)).toMatch(/^1 socket whose owner could not be read even as root/);
  });
});
