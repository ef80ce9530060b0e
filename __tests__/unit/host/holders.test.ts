import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forwardingHolder, parseDockerProxyArgs } from '@/lib/host/forwarding-holders';
import { findDockerProxies } from '@/lib/host/linux/docker-proxies';
import { parseExcludedPortRanges, rangesContaining } from '@/lib/host/win32/excluded-ports';
import { candidateOrder, POPULAR_DEV_PORTS, preferenceOrder } from '@/lib/host/free-port';
import { parseProcVersion } from '@/lib/host/linux/wsl';
import { fixture } from './read-fixture';

describe('netsh int ipv4 show excludedportrange protocol=tcp', () => {
  const ranges = parseExcludedPortRanges(fixture('win32-excludedportrange.txt'));

  it('reads every numeric row (CRLF output), and marks the administered one', () => {
    expect(ranges).toHaveLength(10);
    expect(ranges[0]).toEqual({ start: 1080, end: 1179, administered: false, family: 'IPv4' });
    expect(ranges).toContainEqual({ start: 50000, end: 50059, administered: true, family: 'IPv4' });
    expect(ranges.filter((r) => r.administered)).toHaveLength(1);
  });

  it('finds the range that holds a port, including single-port ranges and both ends', () => {
    expect(rangesContaining(ranges, 62893)).toEqual([expect.objectContaining({ start: 62872, end: 62971 })]);
    expect(rangesContaining(ranges, 5357)).toHaveLength(1);
    expect(rangesContaining(ranges, 1179)).toHaveLength(1);
    expect(rangesContaining(ranges, 3000)).toEqual([]);
  });

  it('ignores the localised header and footnote, and nonsense rows', () => {
    const german =
      'Protokoll tcp Portausschlussbereiche\n\nStartport    Endport\n---------    -------\n  8000  8000\n\n* - Verwaltete Portausschlüsse.\n';
    expect(parseExcludedPortRanges(german, 'IPv6')).toEqual([
      { start: 8000, end: 8000, administered: false, family: 'IPv6' },
    ]);
    expect(parseExcludedPortRanges('   9000   8000\n   70000   70001\n')).toEqual([]);
  });
});

describe('/proc/version and WSL', () => {
  it('WSL 2: the microsoft-standard-WSL2 kernel', () => {
    const text =
      'Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc (GCC) 11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP Fri Mar 29 23:14:13 UTC 2024\n';
    expect(parseProcVersion(text)).toEqual({
      isWsl: true,
      version: 2,
      kernel: '5.15.153.1-microsoft-standard-WSL2',
    });
  });

  it('WSL 1: the fake 4.4.0-…-Microsoft kernel', () => {
    const text =
      'Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) ) #1237-Microsoft Sat Sep 11 14:32:00 PST 2021\n';
    expect(parseProcVersion(text)).toMatchObject({ isWsl: true, version: 1 });
  });

  it('an ordinary kernel is not WSL', () => {
    const text =
      'Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) (x86_64-linux-gnu-gcc-13) #45-Ubuntu SMP\n';
    expect(parseProcVersion(text)).toEqual({ isWsl: false, version: null, kernel: '6.8.0-45-generic' });
  });
});

describe('processes that hold a port for something else', () => {
  it.each([
    ['docker-proxy', 'container', '/usr/bin/docker-proxy -proto tcp'],
    ['rootlesskit', 'container', null],
    ['containerd-shim', 'container', null], // Linux comm, cut at 15 characters
    ['com.docker.backend', 'container', null],
    ['com.docker.backend.exe', 'container', null],
    ['vpnkit', 'container', null],
    ['wslrelay.exe', 'wsl-relay', null],
    ['svchost.exe', 'portproxy', 'C:\\Windows\\system32\\svchost.exe -k NetSvcs -p -s iphlpsvc'],
  ])('%s is a %s holder', (name, kind, command) => {
    expect(forwardingHolder(name, command)?.kind).toBe(kind);
  });

  it('an ordinary process, or svchost for another service, is not', () => {
    expect(forwardingHolder('node', 'node server.js')).toBeNull();
    expect(forwardingHolder('svchost.exe', 'svchost.exe -k LocalService -s W32Time')).toBeNull();
    expect(forwardingHolder(null, null)).toBeNull();
  });

  it('a renamed comm is still recognised from the executable in the command line', () => {
    expect(forwardingHolder('exe', '/usr/bin/docker-proxy -proto tcp')?.runtime).toBe(
      'Docker (docker-proxy)',
    );
  });

  it('reads what docker-proxy publishes from its arguments', () => {
    expect(
      parseDockerProxyArgs(
        '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80 -use-listen-fd',
      ),
    ).toEqual({
      hostIp: '0.0.0.0',
      hostPort: 8080,
      containerIp: '172.17.0.2',
      containerPort: 80,
      proto: 'tcp',
    });
    expect(parseDockerProxyArgs('/usr/bin/docker-proxy --host-port=5432')).toMatchObject({ hostPort: 5432 });
    expect(parseDockerProxyArgs('/usr/bin/docker-proxy -proto tcp')).toBeNull();
  });

  describe('findDockerProxies on a /proc tree', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(path.join(os.tmpdir(), 'ld-proc-'));
      const proc = (pid: number, comm: string, argv: string[]) => {
        mkdirSync(path.join(root, String(pid)));
        writeFileSync(path.join(root, String(pid), 'comm'), `${comm}\n`);
        writeFileSync(path.join(root, String(pid), 'cmdline'), argv.join('\0') + '\0');
      };
      const proxy = (port: number) => [
        '/usr/bin/docker-proxy',
        '-proto',
        'tcp',
        '-host-ip',
        '0.0.0.0',
        '-host-port',
        String(port),
        '-container-ip',
        '172.17.0.2',
        '-container-port',
        '80',
      ];
      proc(501, 'docker-proxy', proxy(8080));
      proc(502, 'docker-proxy', proxy(9090));
      proc(503, 'node', ['node', '-host-port', '8080']);
      mkdirSync(path.join(root, 'self'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('names the docker-proxy that publishes the port, and only that one', () => {
      expect(findDockerProxies(8080, root)).toEqual([
        {
          pid: 501,
          hostIp: '0.0.0.0',
          hostPort: 8080,
          containerIp: '172.17.0.2',
          containerPort: 80,
          proto: 'tcp',
        },
      ]);
      expect(findDockerProxies(3000, root)).toEqual([]);
    });
  });
});

describe('free port candidates', () => {
  it('go outward from near, never below 1024, near itself only when asked', () => {
    expect(candidateOrder(3000, 4)).toEqual([3001, 2999, 3002, 2998]);
    expect(candidateOrder(3000, 3, true)).toEqual([3000, 3001, 2999]);
    expect(candidateOrder(1024, 3)).toEqual([1025, 1026, 1027]);
    expect(candidateOrder(80, 2, true)).toEqual([1024, 1025]);
    expect(candidateOrder(65535, 2)).toEqual([65534, 65533]);
  });

  it('skip popular ports, and put the ephemeral range last', () => {
    const order = preferenceOrder(
      candidateOrder(32768, 6),
      { ephemeral: { low: 32768, high: 60999 } },
      32768,
    );
    expect(order).toEqual([32767, 32766, 32765, 32769, 32770, 32771]);
    expect(preferenceOrder([5173, 5174, 5175], {}, 5173)).toEqual([5175]);
    expect(preferenceOrder([5173, 5174, 5175], { includeNear: true }, 5173)).toEqual([5173, 5175]);
    expect(POPULAR_DEV_PORTS.has(6280)).toBe(true);
  });
});
