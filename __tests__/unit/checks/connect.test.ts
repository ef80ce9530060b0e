import { runChecks } from '@/lib/diagnosis/run-checks';
import { app, attempt, listener, makeFacts } from '@/__tests__/support/facts';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);

describe('connect outcomes', () => {
  test('refused quotes the address, the error code and the time', () => {
    const d = runChecks(makeFacts({ attempts: [attempt('127.0.0.1', 3000, 'refused', 0.4)] }));
    const f = find(d, 'refused')!;
    expect(f.severity).toBe('error');
    expect(f.detail).toContain('127.0.0.1 ECONNREFUSED after 0 ms');
    expect(f.fixes.some((x) => x.command === 'curl -v http://127.0.0.1:3000/')).toBe(true);
  });

  test('refused although a listener exists names the listener (a firewall suspect)', () => {
    const d = runChecks(
      makeFacts({
        listeners: [listener('127.0.0.1', 3000)],
        attempts: [attempt('127.0.0.1', 3000, 'refused')],
      }),
    );
    expect(find(d, 'refused')!.detail).toContain(
      'Yet node (pid 812, user dev) on 127.0.0.1:3000 listens on port 3000',
    );
    expect(d.summary.cause).toBe('refused');
  });

  test('timeout is an error that points at firewalls', () => {
    const d = runChecks(
      makeFacts({
        listeners: [listener('127.0.0.1', 3000)],
        attempts: [attempt('127.0.0.1', 3000, 'timeout', 1500)],
      }),
    );
    const f = find(d, 'timeout')!;
    expect(f.title).toBe('Connecting to 127.0.0.1:3000 timed out');
    expect(f.lesson).toBe('firewalls');
    expect(d.summary.cause).toBe('timeout');
  });

  test('a reset right after accept is reported from the application probe', () => {
    const d = runChecks(
      makeFacts({
        listeners: [listener('127.0.0.1', 3000)],
        attempts: [attempt('127.0.0.1', 3000, 'open')],
        application: app('127.0.0.1', 3000, { kind: 'reset', protocol: null }),
      }),
    );
    expect(find(d, 'reset')!.title).toBe('127.0.0.1:3000 accepts connections, then resets them');
  });
});
