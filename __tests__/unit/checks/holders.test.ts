import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Facts } from '@/lib/diagnosis/types';
import { parseExcludedPortRanges } from '@/lib/host/win32/excluded-ports';
import { attempt, listener, makeFacts, ok } from '@/__tests__/support/facts';
import { fixture } from '../host/read-fixture';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);
const ids = (d: ReturnType<typeof runChecks>) => d.findings.map((f) => f.id);
const commands = (d: ReturnType<typeof runChecks>, id: string) => find(d, id)!.fixes.map((f) => f.command);

const DOCKER_PROXY =
  '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80';

describe('container-holder', () => {
  test('docker-proxy holding the port: the container is the service, shown with docker ps --filter publish', () => {
    const d = runChecks(
      makeFacts({
        target: '127.0.0.1:8080',
        intent: 'start',
        listeners: [
          listener('0.0.0.0', 8080, { pid: 2210, process: 'docker-proxy', command: DOCKER_PROXY, uid: 0 }),
        ],
        freePort: 8082,
      }),
    );
    const f = find(d, 'container-holder')!;
    expect(f.severity).toBe('warning');
    expect(f.title).toBe('Port 8080 is published by a container (Docker (docker-proxy))');
    expect(commands(d, 'container-holder')).toEqual(
      expect.arrayContaining(['docker ps --filter publish=8080', 'docker stop <container>']),
    );
    // port-taken no longer tells the user to kill the proxy
    expect(commands(d, 'port-taken')).not.toContain('kill 2210');
    expect(commands(d, 'port-taken')).toContain('docker ps --filter publish=8080');
    expect(d.summary.cause).toBe('port-taken');
  });

  test('a hidden owner (root docker-proxy, app not root) is named from the docker-proxy process scan', () => {
    const facts: Facts = {
      ...makeFacts({
        target: '127.0.0.1:8080',
        listeners: [
          listener('0.0.0.0', 8080, { pid: null, process: null, command: null, uid: null, user: null }),
        ],
        attempts: [attempt('127.0.0.1', 8080, 'reset')],
      }),
      containerProxies: ok([
        {
          pid: 2210,
          hostIp: '0.0.0.0',
          hostPort: 8080,
          containerIp: '172.17.0.2',
          containerPort: 80,
          proto: 'tcp',
        },
      ]),
    };
    const f = find(runChecks(facts), 'container-holder')!;
    expect(f.severity).toBe('info');
    expect(f.detail).toContain(
      'Docker (docker-proxy) (pid 2210), forwarding to 172.17.0.2:80 inside the container',
    );
  });

  test('rootless Podman is answered with podman commands', () => {
    const d = runChecks(
      makeFacts({
        target: '127.0.0.1:8080',
        listeners: [listener('0.0.0.0', 8080, { process: 'rootlessport', command: 'rootlessport' })],
      }),
    );
    expect(commands(d, 'container-holder')).toContain('podman ps --filter publish=8080');
  });

  test('an ordinary holder is not container-holder, and port-taken offers to stop it and a free port', () => {
    const d = runChecks(
      makeFacts({ intent: 'start', listeners: [listener('127.0.0.1', 3000)], freePort: 3002 }),
    );
    expect(ids(d)).not.toContain('container-holder');
    expect(find(d, 'port-taken')!.detail).toContain('Localhost Doctor can stop it for you');
    // The holder (`node server.js`) is recognised, so the free port is offered as its own command.
    expect(find(d, 'port-taken')!.fixes[0]!.label).toBe(
      'Use port 3002 instead: your Node.js script server.js command, on 127.0.0.1:3002',
    );
    expect(find(d, 'port-taken')!.fixes[0]!.command).toBe('PORT=3002 node server.js');
  });
});

describe('wsl-forwarding', () => {
  const wsl2 = ok({ isWsl: true, version: 2 as const, kernel: '5.15.153.1-microsoft-standard-WSL2' });

  test('inside WSL 2, a refused connection explains localhost forwarding, wsl --shutdown and portproxy', () => {
    const facts: Facts = { ...makeFacts({ target: '127.0.0.1:5000' }), wsl: wsl2 };
    const f = find(runChecks(facts), 'wsl-forwarding')!;
    expect(f.title).toContain('WSL 2');
    expect(f.detail).toContain('5.15.153.1-microsoft-standard-WSL2');
    expect(f.fixes.map((x) => x.command)).toEqual(
      expect.arrayContaining([
        'wsl --shutdown',
        'netsh interface portproxy show all',
        'ip route show default',
      ]),
    );
    expect(runChecks(facts).summary.cause).toBe('no-listener');
  });

  test('inside WSL with everything working, or outside WSL, nothing is said', () => {
    const working: Facts = {
      ...makeFacts({
        listeners: [listener('127.0.0.1', 3000)],
        attempts: [attempt('127.0.0.1', 3000, 'open')],
      }),
      wsl: wsl2,
    };
    expect(ids(runChecks(working))).not.toContain('wsl-forwarding');
    const plain: Facts = { ...makeFacts(), wsl: ok({ isWsl: false, version: null, kernel: '6.8.0' }) };
    expect(ids(runChecks(plain))).not.toContain('wsl-forwarding');
  });

  test('WSL 1 says the network stack is shared with Windows', () => {
    const facts: Facts = {
      ...makeFacts(),
      wsl: ok({ isWsl: true, version: 1 as const, kernel: '4.4.0-19041-Microsoft' }),
    };
    expect(find(runChecks(facts), 'wsl-forwarding')!.detail).toContain("shares Windows' network stack");
  });

  test('on Windows, wslrelay.exe holding the port means the service runs inside WSL', () => {
    const facts: Facts = {
      ...makeFacts({
        listeners: [listener('127.0.0.1', 3000, { pid: 7712, process: 'wslrelay.exe', uid: null })],
      }),
      platform: 'win32',
    };
    const f = find(runChecks(facts), 'wsl-forwarding')!;
    expect(f.title).toBe('Port 3000 is forwarded from WSL: the service runs inside a Linux distro');
    expect(f.fixes.map((x) => x.command)).toContain("wsl -e ss -ltnp 'sport = :3000'");
  });

  test('on Windows, svchost running iphlpsvc on the port is a netsh port proxy', () => {
    const facts: Facts = {
      ...makeFacts({
        listeners: [
          listener('0.0.0.0', 3000, {
            process: 'svchost.exe',
            command: 'C:\\Windows\\system32\\svchost.exe -k NetSvcs -p -s iphlpsvc',
          }),
        ],
      }),
      platform: 'win32',
    };
    expect(find(runChecks(facts), 'wsl-forwarding')!.fixes.map((x) => x.command)).toContain(
      'netsh interface portproxy delete v4tov4 listenport=3000 listenaddress=0.0.0.0',
    );
  });
});

describe('port-excluded', () => {
  const ranges = parseExcludedPortRanges(fixture('win32-excludedportrange.txt'));
  const windows = (target: string, over: Partial<Facts> = {}): Facts => ({
    ...makeFacts({ target }),
    platform: 'win32',
    excludedPorts: ok(ranges),
    ...over,
  });

  test('62893 inside a Hyper-V/WinNAT range with nothing listening is the root cause, with net stop winnat', () => {
    const d = runChecks(windows('127.0.0.1:62893'));
    const f = find(d, 'port-excluded')!;
    expect(f.severity).toBe('error');
    expect(f.title).toBe('Port 62893 is reserved by Windows (excluded range 62872\u201362971)');
    expect(f.detail).toContain('WSAEACCES');
    expect(f.fixes.map((x) => x.command)).toEqual(
      expect.arrayContaining([
        'netsh int ipv4 show excludedportrange protocol=tcp',
        'net stop winnat',
        'netsh int ipv4 add excludedportrange protocol=tcp startport=62893 numberofports=1',
        'net start winnat',
      ]),
    );
    expect(d.summary.cause).toBe('port-excluded');
  });

  test('an administered range (the fix itself) and a port outside every range are not port-excluded', () => {
    expect(ids(runChecks(windows('127.0.0.1:50010')))).not.toContain('port-excluded');
    expect(ids(runChecks(windows('127.0.0.1:3000')))).not.toContain('port-excluded');
  });

  test('when something holds the excluded port anyway, it is only info', () => {
    const facts = windows('127.0.0.1:5357', {
      listeners: ok({
        listeners: [listener('0.0.0.0', 5357, { process: 'System', pid: 4 })],
        source: 'netstat',
        partial: false,
        warnings: [],
      }),
    });
    expect(find(runChecks(facts), 'port-excluded')!.severity).toBe('info');
  });
});
