import { decideStop, type StopFacts } from '@/lib/host/actions/stop-decision';

const STARTED = '2026-11-26T05:00:00.000Z';

/** The app (pid 4242, uid 1000, not root) and node pid 812 of uid 1000 holding 127.0.0.1:3000. */
function facts(over: Partial<StopFacts> = {}, request: Partial<StopFacts['request']> = {}): StopFacts {
  return {
    request: { pid: 812, port: 3000, startedAt: STARTED, ...request },
    platform: 'linux',
    self: { pid: 4242, ppid: 4200, uid: 1000, elevated: false },
    process: { pid: 812, name: 'node', command: 'node server.js', uid: 1000, startedAt: STARTED },
    holders: [{ pid: 812, address: '127.0.0.1', port: 3000, process: 'node' }],
    termSentEarlier: false,
    ...over,
  };
}

const refusal = (f: StopFacts) => {
  const d = decideStop(f);
  if (d.allowed) throw new Error('expected a refusal');
  return d;
};

describe('decideStop', () => {
  test('the user’s own process that holds the port and started when listed gets SIGTERM', () => {
    expect(decideStop(facts())).toEqual({ allowed: true, signal: 'SIGTERM' });
  });

  test('force after an earlier SIGTERM to the same process is SIGKILL; force first is refused', () => {
    expect(decideStop(facts({ termSentEarlier: true }, { force: true }))).toEqual({
      allowed: true,
      signal: 'SIGKILL',
    });
    expect(refusal(facts({}, { force: true }))).toMatchObject({ status: 409, code: 'term-first' });
  });

  test.each([
    ['pid 1 (init)', { pid: 1 }, /init process/],
    ['the app itself', { pid: 4242 }, /Localhost Doctor itself/],
    ['the app’s parent', { pid: 4200 }, /started Localhost Doctor/],
  ])('%s is protected-process, even for root', (_, request, reason) => {
    for (const elevated of [false, true]) {
      const r = refusal(
        facts({ self: { pid: 4242, ppid: 4200, uid: elevated ? 0 : 1000, elevated } }, request),
      );
      expect(r).toMatchObject({ status: 403, code: 'protected-process' });
      expect(r.message).toMatch(reason);
    }
  });

  test('Windows’ System process (pid 4) is protected there', () => {
    expect(refusal(facts({ platform: 'win32' }, { pid: 4 })).code).toBe('protected-process');
  });

  test('a pid with no process is not-found (404)', () => {
    expect(refusal(facts({ process: null }))).toMatchObject({ status: 404, code: 'not-found' });
  });

  test('another user’s process is other-user for a normal app, allowed when the app runs as root', () => {
    const rootOwned = { pid: 812, name: 'node', command: 'node server.js', uid: 0, startedAt: STARTED };
    const r = refusal(facts({ process: rootOwned }));
    expect(r).toMatchObject({ status: 403, code: 'other-user' });
    expect(r.message).toContain('uid 0');
    const asRoot = facts({ process: rootOwned, self: { pid: 4242, ppid: 4200, uid: 0, elevated: true } });
    expect(decideStop(asRoot)).toEqual({ allowed: true, signal: 'SIGTERM' });
  });

  test('other-user is said before not-holder: the hidden holder is not ours either way', () => {
    const f = facts({
      process: { pid: 812, name: 'node', command: null, uid: 0, startedAt: STARTED },
      holders: [{ pid: null, address: '127.0.0.1', port: 3000, process: null }],
    });
    expect(refusal(f).code).toBe('other-user');
  });

  test('an owner that cannot be read is refused on Linux and macOS, left to the OS on Windows', () => {
    const unknown = { pid: 812, name: 'node', command: null, uid: null, startedAt: STARTED };
    expect(refusal(facts({ process: unknown }))).toMatchObject({ status: 403, code: 'owner-unknown' });
    expect(decideStop(facts({ process: unknown, platform: 'win32' })).allowed).toBe(true);
  });

  test('a process that does not hold the port is not-holder, naming who does', () => {
    const r = refusal(facts({ holders: [{ pid: 900, address: '::', port: 3000, process: 'python3' }] }));
    expect(r).toMatchObject({ status: 409, code: 'not-holder' });
    expect(r.message).toContain('python3 (pid 900)');
    expect(refusal(facts({ holders: [] })).message).toContain('nothing listens on TCP port 3000 now');
  });

  test('a different start time is process-changed (pid reuse); within the btime jitter it is the same', () => {
    const later = { pid: 812, name: 'node', command: null, uid: 1000, startedAt: '2026-11-26T06:00:00.000Z' };
    const r = refusal(facts({ process: later }));
    expect(r).toMatchObject({ status: 409, code: 'process-changed' });
    expect(r.message).toContain(STARTED);
    const jitter = { ...later, startedAt: '2026-11-26T05:00:00.990Z' };
    expect(decideStop(facts({ process: jitter })).allowed).toBe(true);
    const unreadable = { ...later, startedAt: null };
    expect(refusal(facts({ process: unreadable })).code).toBe('process-changed');
  });

  test('a listing without a start time (null) is refused: nothing proves the pid is still that process', () => {
    const r = refusal(facts({}, { startedAt: null }));
    expect(r).toMatchObject({ status: 403, code: 'start-time-unknown' });
    expect(r.message).toContain('could not read when node (pid 812) started');
    expect(r.message).toContain('kill 812');
    expect(refusal(facts({ platform: 'win32' }, { startedAt: null })).message).toContain('taskkill /PID 812');
  });

  test.each([
    [
      'docker-proxy',
      '/usr/bin/docker-proxy -proto tcp -host-port 3000',
      /container \(docker ps --filter publish=3000\)/,
    ],
    ['rootlesskit', 'rootlesskit --net=slirp4netns dockerd', /container/],
    ['wslrelay.exe', 'C:\\Windows\\System32\\lxss\\wslrelay.exe --mode 1', /service it forwards to/],
  ])('%s holding the port is forwarding-process: stop what it forwards to', (name, command, advice) => {
    const proxy = { pid: 812, name, command, uid: 1000, startedAt: STARTED };
    const r = refusal(facts({ process: proxy }));
    expect(r).toMatchObject({ status: 409, code: 'forwarding-process' });
    expect(r.message).toMatch(advice);
  });
});
