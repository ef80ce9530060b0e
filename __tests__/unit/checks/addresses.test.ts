import { runChecks } from '@/lib/diagnosis/run-checks';
import { attempt, listener, makeFacts, ok } from '@/__tests__/support/facts';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);
const ids = (d: ReturnType<typeof runChecks>) => d.findings.map((f) => f.id);
const both = [
  { address: '::1', family: 'IPv6' as const },
  { address: '127.0.0.1', family: 'IPv4' as const },
];

describe('addresses, families and what the probe really got', () => {
  test('an accepted connection with no listening socket is unlisted-listener, never no-listener', () => {
    const d = runChecks(makeFacts({ attempts: [attempt('127.0.0.1', 3000, 'open')] }));
    expect(ids(d)).not.toContain('no-listener');
    expect(find(d, 'unlisted-listener')!.detail).toContain('redirected');
  });

  test('::1 unreachable (IPv6 off) is its own finding, with the reason', () => {
    const d = runChecks(
      makeFacts({
        target: 'localhost:3000',
        addresses: both,
        listeners: [listener('127.0.0.1', 3000)],
        attempts: [attempt('::1', 3000, 'unreachable'), attempt('127.0.0.1', 3000, 'open')],
      }),
    );
    const f = find(d, 'unreachable')!;
    expect(f.severity).toBe('warning');
    expect(f.detail).toContain('IPv6 is disabled');
    expect(find(d, 'family-mismatch')!.detail).toContain('::1');
  });

  test('family-mismatch quotes what the connect really got', () => {
    const d = runChecks(
      makeFacts({
        target: '[::1]:3000',
        listeners: [listener('0.0.0.0', 3000)],
        attempts: [attempt('::1', 3000, 'unreachable')],
      }),
    );
    expect(find(d, 'family-mismatch')!.detail).toContain('::1 was unreachable');
  });

  test('two programs behind one name are split-listeners', () => {
    const d = runChecks(
      makeFacts({
        target: 'localhost:3000',
        addresses: both,
        listeners: [
          listener('127.0.0.1', 3000, { pid: 10, process: 'node' }),
          listener('::1', 3000, { pid: 20, process: 'vite' }),
        ],
        attempts: [attempt('::1', 3000, 'open'), attempt('127.0.0.1', 3000, 'open')],
      }),
    );
    expect(find(d, 'split-listeners')!.title).toBe(
      'localhost:3000 reaches 2 different programs, one per address',
    );
  });

  test('start commands bind the address that was typed: 127.0.0.2 stays 127.0.0.2', () => {
    const d = runChecks(makeFacts({ target: '127.0.0.2:3000' }));
    expect(find(d, 'no-listener')!.fixes.find((f) => f.label === 'Django')!.command).toBe(
      'python manage.py runserver 127.0.0.2:3000',
    );
  });

  test('intent=start: a holder on [::1] does not take 127.0.0.1\u2019s port; one on :: does', () => {
    const v6 = runChecks(makeFacts({ intent: 'start', listeners: [listener('::1', 3000)] }));
    expect(ids(v6)).toContain('port-free');
    expect(ids(v6)).not.toContain('port-taken');
    expect(find(v6, 'port-free')!.detail).toContain('does not conflict');
    const wild = runChecks(makeFacts({ intent: 'start', listeners: [listener('::', 3000)] }));
    expect(ids(wild)).toContain('port-taken');
  });

  test('localhost resolving outside this machine is diagnosed, and those addresses are not probed', () => {
    const facts = makeFacts({ target: 'localhost:3000', attempts: [] });
    facts.resolution = ok({
      host: 'localhost',
      addresses: [],
      ignored: [{ address: '10.1.2.3', family: 'IPv4' }],
    });
    const d = runChecks(facts);
    expect(find(d, 'localhost-not-loopback')).toMatchObject({
      severity: 'error',
      title: 'localhost resolves to 10.1.2.3, which is not this machine',
    });
  });

  test('a mapped wildcard (::ffff:0.0.0.0) is wildcard-exposed too', () => {
    const d = runChecks(
      makeFacts({
        listeners: [listener('::ffff:0.0.0.0', 3000)],
        attempts: [attempt('127.0.0.1', 3000, 'open')],
      }),
    );
    expect(ids(d)).toContain('wildcard-exposed');
  });
});
