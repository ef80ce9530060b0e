import {
  parseBootTime,
  parseCmdline,
  parsePasswd,
  parseProcStat,
  parseProcStatus,
  startedAtIso,
} from '@/lib/host/linux/processes';
import { fixture } from './read-fixture';

describe('Linux process details', () => {
  it('reads comm and starttime even when the name has spaces and parentheses', () => {
    expect(parseProcStat(fixture('linux-proc-pid-stat.txt'))).toEqual({
      name: 'my (odd) proc',
      startTicks: 89029,
    });
    expect(parseProcStat('garbage')).toBeNull();
  });

  it('takes the effective uid and VmRSS in bytes from status', () => {
    expect(parseProcStatus(fixture('linux-proc-pid-status.txt'))).toEqual({
      uid: 1001,
      memoryBytes: 48212 * 1024,
    });
    // A zombie has no VmRSS line.
    expect(parseProcStatus('Name:\tx\nUid:\t0\t0\t0\t0\n')).toEqual({ uid: 0, memoryBytes: null });
  });

  it('joins NUL-separated argv and reports an empty cmdline as unknown', () => {
    expect(parseCmdline('node\0/srv/app/server.js\0--port\x003000\0')).toBe(
      'node /srv/app/server.js --port 3000',
    );
    expect(parseCmdline('')).toBeNull();
  });

  it('maps uids to names from /etc/passwd, ignoring comments and NIS lines', () => {
    const users = parsePasswd(fixture('linux-etc-passwd.txt'));
    expect(users.get(0)).toBe('root');
    expect(users.get(1000)).toBe('alice');
    expect(users.get(101)).toBe('systemd-resolve');
    expect(users.size).toBe(5);
  });

  it('turns clock ticks since boot into an ISO time', () => {
    expect(parseBootTime('cpu  1 2 3\nbtime 1736150400\nprocesses 9\n')).toBe(1736150400);
    expect(startedAtIso(8923, 1736150400)).toBe('2025-01-06T08:01:29.230Z');
  });
});

describe('fullProcessName', () => {
  const { fullProcessName } = jest.requireActual<typeof import('@/lib/host/linux/processes')>(
    '@/lib/host/linux/processes',
  );
  test('a comm cut at 15 characters is completed from argv[0]', () => {
    expect(fullProcessName('next-server (v1', 'next-server (v16.4.6)\0')).toBe('next-server (v16.4.6)');
    expect(fullProcessName('python3.11-conf', '/usr/bin/python3.11-config-tool\0--x\0')).toBe(
      'python3.11-config-tool',
    );
  });
  test('short names and unrelated argv[0] are kept as the kernel reports them', () => {
    expect(fullProcessName('node', '/usr/bin/node\0server.js\0')).toBe('node');
    expect(fullProcessName('abcdefghijklmno', 'zzz\0')).toBe('abcdefghijklmno');
    expect(fullProcessName(null, '')).toBeNull();
  });
});
