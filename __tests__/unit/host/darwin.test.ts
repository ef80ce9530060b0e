import { unattributedListeners } from '@/lib/host/darwin/listeners';
import { lsofListenerArgs, parseLsofListeners } from '@/lib/host/darwin/lsof';
import { parseDarwinNetstat } from '@/lib/host/netstat';
import { parsePsLstart, psArgs } from '@/lib/host/darwin/ps';
import { fixture } from './read-fixture';

describe('lsof -F listener output (macOS)', () => {
  const sockets = parseLsofListeners(fixture('darwin-lsof.txt'));

  it("turns wildcards into the family's any-address and strips IPv6 brackets", () => {
    expect(sockets.filter((s) => s.pid === 1).map((s) => [s.protocol, s.family, s.address, s.port])).toEqual([
      ['tcp', 'IPv6', '::', 22],
      ['tcp', 'IPv4', '0.0.0.0', 22],
    ]);
    expect(sockets).toContainEqual(
      expect.objectContaining({ pid: 1337, address: '::1', port: 3000, family: 'IPv6' }),
    );
  });

  it("rewrites the kernel's embedded link-local scope (fe80:1::1) as fe80::1%1", () => {
    expect(sockets).toContainEqual(expect.objectContaining({ pid: 1337, address: 'fe80::1%1', port: 7000 }));
  });

  it('keeps command names with spaces and the login name', () => {
    expect(sockets).toContainEqual(
      expect.objectContaining({
        pid: 1337,
        process: 'Code Helper (Plugin)',
        uid: 501,
        user: 'alice',
        protocol: 'tcp',
      }),
    );
  });

  it('lists bound UDP sockets but not connected ones or the unbound *:*', () => {
    const udp = sockets.filter((s) => s.protocol === 'udp');
    expect(udp.map((s) => `${s.pid} ${s.address}:${s.port}`)).toEqual(['412 0.0.0.0:5353', '412 :::5353']);
  });

  it('reports a socket reached through two descriptors of one process once', () => {
    expect(sockets.filter((s) => s.pid === 812)).toHaveLength(1);
  });

  it('asks lsof for numeric listeners of the wanted protocols and port', () => {
    expect(lsofListenerArgs(['tcp', 'udp'])).toEqual([
      '-nP',
      '+c',
      '0',
      '-iTCP',
      '-sTCP:LISTEN',
      '-iUDP',
      '-F',
      'pcuLftPnT',
    ]);
    expect(lsofListenerArgs(['tcp'], 3000)).toEqual([
      '-nP',
      '+c',
      '0',
      '-iTCP:3000',
      '-sTCP:LISTEN',
      '-F',
      'pcuLftPnT',
    ]);
  });
});

describe('ps -o pid=,lstart=,rss=,command= (macOS)', () => {
  const processes = parsePsLstart(fixture('darwin-ps.txt'));

  it('reads the local start time, RSS in KiB and the full command line with spaces', () => {
    expect(processes.get(1337)).toEqual({
      pid: 1337,
      startedAt: new Date(2025, 0, 15, 17, 45, 59).toISOString(),
      memoryBytes: 301232 * 1024,
      command:
        '/Applications/Visual Studio Code.app/Contents/Frameworks/Code Helper (Plugin).app/Contents/MacOS/Code Helper (Plugin) --type=utility --utility-sub-type=node.mojom.NodeService',
    });
    expect(processes.get(1)?.startedAt).toBe(new Date(2025, 0, 6, 9, 14, 3).toISOString());
    expect(processes.size).toBe(5);
  });

  it('passes the pids as one comma-separated list', () => {
    expect(psArgs([812, 1337])).toEqual(['-o', 'pid=,lstart=,rss=,command=', '-p', '812,1337']);
  });
});

describe('netstat -an (macOS)', () => {
  const tcp = parseDarwinNetstat(fixture('darwin-netstat-tcp.txt'));
  const udp = parseDarwinNetstat(fixture('darwin-netstat-udp.txt'));

  it('splits the port at the last dot and maps BSD state names', () => {
    expect(tcp[0]).toEqual({
      protocol: 'tcp',
      family: 'IPv4',
      localAddress: '127.0.0.1',
      localPort: 62893,
      remoteAddress: '127.0.0.1',
      remotePort: 51234,
      state: 'ESTABLISHED',
      pid: null,
    });
    expect(tcp.map((r) => r.state)).toContain('SYN_RECV');
    expect(tcp.map((r) => r.state)).toContain('FIN_WAIT2');
    expect(tcp).toContainEqual(
      expect.objectContaining({ localAddress: 'fe80::1%lo0', localPort: 7000, family: 'IPv6' }),
    );
  });

  it('treats tcp46 as an IPv6 socket on ::', () => {
    expect(tcp).toContainEqual(
      expect.objectContaining({ family: 'IPv6', localAddress: '::', localPort: 5432, state: 'LISTEN' }),
    );
  });

  it('reads UDP rows, which have no state', () => {
    expect(udp.map((r) => `${r.localAddress}:${r.localPort}->${r.remotePort} ${r.state}`)).toEqual([
      '127.0.0.1:60211->53 null',
      '0.0.0.0:0->0 null',
      ':::5353->0 null',
      '0.0.0.0:5353->0 null',
      '0.0.0.0:137->0 null',
      '0.0.0.0:138->0 null',
    ]);
  });
});

describe('listeners lsof could not attribute (not root on macOS)', () => {
  it('keeps them with pid null instead of dropping them', () => {
    const netstat = [
      ...parseDarwinNetstat(fixture('darwin-netstat-tcp.txt')),
      ...parseDarwinNetstat(fixture('darwin-netstat-udp.txt')),
    ];
    const missing = unattributedListeners(netstat, parseLsofListeners(fixture('darwin-lsof.txt')));
    expect(missing.map((r) => `${r.protocol} ${r.address}:${r.port}`).sort()).toEqual([
      'tcp 0.0.0.0:631',
      'tcp 127.0.0.1:62893', // netstat shows two sockets on 62893; lsof attributed one
      'tcp ::1:631',
      'udp 0.0.0.0:137',
      'udp 0.0.0.0:138',
    ]);
    expect(missing.every((r) => r.pid === null)).toBe(true);
  });

  it('honours the port filter', () => {
    const netstat = parseDarwinNetstat(fixture('darwin-netstat-tcp.txt'));
    expect(unattributedListeners(netstat, [], 631)).toHaveLength(2);
  });
});
