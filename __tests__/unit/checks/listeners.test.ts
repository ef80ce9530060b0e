import { runChecks } from '@/lib/diagnosis/run-checks';
import { app, attempt, httpAnswer, listener, makeFacts } from '@/__tests__/support/facts';

const ids = (f: ReturnType<typeof runChecks>) => f.findings.map((x) => x.id);
const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);

describe('who listens', () => {
  test('nothing on the port is no-listener, with start commands bound to loopback', () => {
    const d = runChecks(makeFacts({ target: '127.0.0.1:62893' }));
    const f = find(d, 'no-listener')!;
    expect(f.severity).toBe('error');
    expect(f.title).toBe('Nothing is listening on port 62893');
    expect(f.fixes.map((x) => x.label)).toEqual(
      expect.arrayContaining(['Django', 'Flask', 'Vite', 'Spring Boot']),
    );
    expect(f.fixes.find((x) => x.label === 'Django')!.command).toBe(
      'python manage.py runserver 127.0.0.1:62893',
    );
    expect(d.summary.cause).toBe('no-listener');
    expect(d.summary.headline).toMatch(/^Nothing is listening on port 62893/);
  });

  test('a listener that serves the target is named with its pid and command', () => {
    const d = runChecks(
      makeFacts({
        listeners: [
          listener('127.0.0.1', 3000, { process: 'python3', pid: 77, command: 'python3 -m http.server' }),
        ],
        attempts: [attempt('127.0.0.1', 3000, 'open')],
        application: app('127.0.0.1', 3000, { http: httpAnswer(200) }),
      }),
    );
    const f = find(d, 'listening')!;
    expect(f.title).toBe('python3 (pid 77) is listening on port 3000');
    expect(f.detail).toContain('command \u201cpython3 -m http.server\u201d');
    expect(ids(d)).not.toContain('no-listener');
    expect(d.summary.severity).toBe('ok');
  });

  test('a server on ::1 only, asked as 127.0.0.1, is family-mismatch naming both addresses', () => {
    const d = runChecks(makeFacts({ target: '127.0.0.1:8080', listeners: [listener('::1', 8080)] }));
    const f = find(d, 'family-mismatch')!;
    expect(f.severity).toBe('error');
    expect(f.title).toContain('[::1]:8080');
    expect(f.title).toContain('127.0.0.1');
    expect(f.fixes[0]!.command).toBe("curl -v 'http://[::1]:8080/'");
    expect(ids(d)).not.toContain('bound-elsewhere');
    expect(d.summary.cause).toBe('family-mismatch');
  });

  test('localhost resolving to ::1 first with a server on 127.0.0.1 only is a family-mismatch warning', () => {
    const d = runChecks(
      makeFacts({
        target: 'localhost:5173',
        addresses: [
          { address: '::1', family: 'IPv6' },
          { address: '127.0.0.1', family: 'IPv4' },
        ],
        listeners: [listener('127.0.0.1', 5173)],
        attempts: [attempt('::1', 5173, 'refused'), attempt('127.0.0.1', 5173, 'open')],
      }),
    );
    const f = find(d, 'family-mismatch')!;
    expect(f.severity).toBe('warning');
    expect(f.detail).toContain('::1 first');
    expect(find(d, 'refused')!.severity).toBe('warning');
  });

  test('a dual-stack :: listener serves 127.0.0.1: no mismatch, but wildcard-exposed', () => {
    const d = runChecks(
      makeFacts({ listeners: [listener('::', 3000)], attempts: [attempt('127.0.0.1', 3000, 'open')] }),
    );
    expect(ids(d)).not.toContain('family-mismatch');
    expect(find(d, 'wildcard-exposed')!.title).toContain('[::]:3000');
  });

  test('a server on 127.0.0.2 is bound-elsewhere for 127.0.0.1', () => {
    const d = runChecks(makeFacts({ listeners: [listener('127.0.0.2', 3000)] }));
    const f = find(d, 'bound-elsewhere')!;
    expect(f.title).toBe('The server listens on 127.0.0.2:3000, not on 127.0.0.1:3000');
    expect(ids(d)).not.toContain('family-mismatch');
  });

  test('0.0.0.0 is wildcard-exposed and serves 127.0.0.1', () => {
    const d = runChecks(
      makeFacts({ listeners: [listener('0.0.0.0', 3000)], attempts: [attempt('127.0.0.1', 3000, 'open')] }),
    );
    expect(find(d, 'wildcard-exposed')!.severity).toBe('warning');
    expect(ids(d)).toContain('listening');
  });

  test('an unreadable owner is owner-hidden with sudo commands', () => {
    const d = runChecks(
      makeFacts({
        listeners: [listener('127.0.0.1', 3000, { pid: null, process: null, command: null, user: null })],
      }),
    );
    const f = find(d, 'owner-hidden')!;
    expect(f.fixes.find((x) => x.platform === 'linux')!.command).toBe("sudo ss -ltnp 'sport = :3000'");
  });

  test('a UDP-only socket on the port is udp-only, not listening', () => {
    const d = runChecks(makeFacts({ listeners: [listener('127.0.0.1', 3000, { protocol: 'udp' })] }));
    expect(ids(d)).toEqual(expect.arrayContaining(['udp-only', 'no-listener']));
    expect(ids(d)).not.toContain('listening');
  });
});
