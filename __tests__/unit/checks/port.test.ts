import { runChecks } from '@/lib/diagnosis/run-checks';
import { TIME_WAIT_THRESHOLD } from '@/lib/diagnosis/checks/time-wait-buildup';
import { connections, failed, listener, makeFacts } from '@/__tests__/support/facts';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);
const ids = (d: ReturnType<typeof runChecks>) => d.findings.map((f) => f.id);

describe('port facts and intent=start', () => {
  test('port 80 is privileged-port', () => {
    expect(find(runChecks(makeFacts({ target: '127.0.0.1:80' })), 'privileged-port')!.detail).toContain(
      'CAP_NET_BIND_SERVICE',
    );
  });

  test('a port inside the ephemeral range says the range; one outside does not', () => {
    expect(find(runChecks(makeFacts({ target: '127.0.0.1:45000' })), 'ephemeral-port')!.title).toContain(
      '32768\u201360999',
    );
    expect(ids(runChecks(makeFacts({ target: '127.0.0.1:62893' })))).not.toContain('ephemeral-port');
  });

  test(`${TIME_WAIT_THRESHOLD} TIME_WAIT sockets are time-wait-buildup; fewer are not`, () => {
    const many = makeFacts({
      connections: connections(3000, { TIME_WAIT: TIME_WAIT_THRESHOLD, ESTABLISHED: 2 }),
    });
    expect(find(runChecks(many), 'time-wait-buildup')!.title).toBe(
      `${TIME_WAIT_THRESHOLD} connections on port 3000 are in TIME_WAIT`,
    );
    const few = makeFacts({ connections: connections(3000, { TIME_WAIT: TIME_WAIT_THRESHOLD - 1 }) });
    expect(ids(runChecks(few))).not.toContain('time-wait-buildup');
  });

  test('intent=start on a held port is port-taken: who, how to stop it, and its own command on a free port', () => {
    const d = runChecks(
      makeFacts({
        intent: 'start',
        listeners: [listener('127.0.0.1', 3000, { pid: 901, process: 'node' })],
        freePort: 3002,
      }),
    );
    const f = find(d, 'port-taken')!;
    expect(f.title).toBe('Port 3000 is already taken by node (pid 901)');
    expect(f.fixes.map((x) => x.command)).toEqual(
      // `node server.js` is recognised: the free port goes to its own command, not a bare PORT=3002.
      expect.arrayContaining([
        'PORT=3002 node server.js',
        '$env:PORT = 3002; node server.js',
        'kill 901',
        'taskkill /PID 901',
      ]),
    );
    expect(ids(d)).not.toContain('listening');
    expect(d.summary.cause).toBe('port-taken');
  });

  test('intent=start on a free port is port-free, not no-listener', () => {
    const d = runChecks(makeFacts({ intent: 'start' }));
    expect(ids(d)).toContain('port-free');
    expect(ids(d)).not.toContain('no-listener');
  });

  test('0.0.0.0:8000 is explained as a bind address', () => {
    const f = find(runChecks(makeFacts({ target: '0.0.0.0:8000' })), 'bind-address')!;
    expect(f.title).toBe('"0.0.0.0:8000" was checked as 127.0.0.1:8000');
    expect(f.detail).toContain('bind address');
  });

  test('an unreadable listener table is reported, and no-listener is not guessed', () => {
    const facts = { ...makeFacts(), listeners: failed<never>('EACCES', '/proc/net/tcp') };
    const d = runChecks(facts);
    expect(find(d, 'fact-unavailable')!.title).toBe('Could not read listening sockets');
    expect(ids(d)).not.toContain('no-listener');
  });

  test('a failed lookup is resolution-failed', () => {
    const facts = {
      ...makeFacts({ target: 'localhost:3000' }),
      resolution: failed<never>('getaddrinfo ENOTFOUND localhost'),
    };
    expect(runChecks(facts).summary.cause).toBe('resolution-failed');
  });
});
