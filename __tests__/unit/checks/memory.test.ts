/**
 * The findings from memory on fixture facts: what was listening, where it went, a restart, a crash loop, and
 * a store that cannot record.
 */
import { flapping } from '@/lib/diagnosis/checks/flapping';
import { historyUnavailable } from '@/lib/diagnosis/checks/history-unavailable';
import { movedPort } from '@/lib/diagnosis/checks/moved-port';
import { restarted } from '@/lib/diagnosis/checks/restarted';
import { wasListening } from '@/lib/diagnosis/checks/was-listening';
import { runChecks } from '@/lib/diagnosis/run-checks';
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { attempt, failed, listener, makeFacts } from '@/__tests__/support/facts';
import { minutesBefore, moved, portHistory, recorded, withHistory } from '@/__tests__/support/history-facts';

// Times in findings are the machine's local clock; the fixtures are read in UTC.
process.env.TZ = 'UTC';

describe('was-listening', () => {
  const stopped = withHistory(
    makeFacts(),
    portHistory({
      events: [recorded('closed', 3), recorded('opened', 40)],
    }),
  );

  test('nothing listens now, but the recorder saw node listen until 05:27:00, 3 minutes ago', () => {
    const [f] = wasListening.run(stopped);
    expect(f).toMatchObject({ id: 'was-listening', severity: 'error', step: 'start' });
    expect(f!.title).toBe(
      'node (pid 812, user dev) listened on 127.0.0.1:3000 until 05:27:00 (3 minutes ago)',
    );
    expect(f!.detail).toContain('started from “/home/dev/app” as “node server.js”');
    expect(f!.detail).toContain('opened 04:50:00 (40 minutes ago)');
    expect(f!.detail).toContain('the terminal it ran in');
  });

  test('its first fix starts it again in its directory; the second shows why it exited', () => {
    const [f] = wasListening.run(stopped);
    const linux = fixesFor(f!.fixes, 'linux');
    // node server.js is recognised as a node script: its own command sets the port it held.
    expect(linux[0]!.command).toBe('cd /home/dev/app && PORT=3000 node server.js');
    expect(linux[1]!.command).toBe('journalctl _PID=812 --no-pager -n 50');
    expect(fixesFor(f!.fixes, 'darwin')[1]!.command).toBe(
      "log show --last 1h --predicate 'processID == 812'",
    );
  });

  test('a directory with a space and a quote stays one word in the command', () => {
    const facts = withHistory(
      makeFacts(),
      portHistory({ events: [recorded('closed', 1, { cwd: "/home/dev/it's mine" })] }),
    );
    const [f] = wasListening.run(facts);
    expect(fixesFor(f!.fixes, 'linux')[0]!.command).toBe(
      `cd '/home/dev/it'\\''s mine' && PORT=3000 node server.js`,
    );
  });

  test('a Django runserver is started again with its own command, named as Django', () => {
    const facts = withHistory(
      makeFacts({ target: '127.0.0.1:8000' }),
      portHistory({
        port: 8000,
        events: [
          recorded('closed', 5, {
            port: 8000,
            process: 'python3',
            command: 'python3 manage.py runserver 127.0.0.1:8000',
            cwd: '/srv/shop',
          }),
        ],
      }),
    );
    const [f] = wasListening.run(facts);
    expect(f!.detail).toContain('Django');
    expect(fixesFor(f!.fixes, 'linux')[0]!.command).toBe(
      'cd /srv/shop && python3 manage.py runserver 127.0.0.1:8000',
    );
  });

  test('silent while something listens, when nothing was recorded, and for another address', () => {
    const serving = withHistory(
      makeFacts({ listeners: [listener('127.0.0.1', 3000)], attempts: [attempt('127.0.0.1', 3000, 'open')] }),
      portHistory({ events: [recorded('closed', 3)] }),
    );
    expect(wasListening.run(serving)).toEqual([]);
    expect(wasListening.run(withHistory(makeFacts(), portHistory()))).toEqual([]);
    const elsewhere = withHistory(
      makeFacts(),
      portHistory({ events: [recorded('closed', 3, { address: '127.0.0.2' })] }),
    );
    expect(wasListening.run(elsewhere)).toEqual([]);
  });

  test('in a real diagnosis it is named as the cause, ahead of "nothing is listening"', () => {
    const d = runChecks(stopped);
    expect(d.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['was-listening', 'no-listener']));
    expect(d.summary.cause).toBe('was-listening');
  });
});

describe('moved-port', () => {
  const vite = 'node /home/dev/shop/node_modules/.bin/vite';
  const before = recorded('opened', 30, { port: 5173, command: vite, cwd: '/home/dev/shop' });
  const now = listener('127.0.0.1', 5174, { pid: 950, command: vite });
  const facts = withHistory(
    makeFacts({ target: '127.0.0.1:5173' }),
    portHistory({
      port: 5173,
      events: [recorded('closed', 10, { port: 5173, command: vite }), before],
      moved: [moved(now, before)],
    }),
  );

  test('"your server is on 127.0.0.1:5174 now", with a link to diagnose it', () => {
    const [f] = movedPort.run(facts);
    expect(f).toMatchObject({
      id: 'moved-port',
      severity: 'error',
      step: 'start',
      title: 'Your server is on 127.0.0.1:5174 now',
      link: { label: 'Diagnose 127.0.0.1:5174', href: '/diagnose/127.0.0.1%3A5174' },
    });
    expect(f!.detail).toContain('node (pid 950, user dev) listens on 127.0.0.1:5174');
    expect(f!.detail).toContain('listened on port 5173 at 05:00:00 (30 minutes ago)');
    expect(runChecks(facts).summary.cause).toBe('moved-port');
  });

  test('it offers to move it back with its own command (Vite: --port)', () => {
    const [f] = movedPort.run(facts);
    expect(
      fixesFor(f!.fixes, 'linux')
        .map((x) => x.command)
        .join('\n'),
    ).toContain('--port 5173');
  });

  test('a name the user typed stays in the new address; another holder on the old port makes it a warning', () => {
    const wildcard = listener('0.0.0.0', 5174, { pid: 950, command: vite });
    const held = withHistory(
      makeFacts({
        target: 'localhost:5173',
        listeners: [listener('127.0.0.1', 5173, { pid: 77, command: 'other' })],
      }),
      portHistory({ port: 5173, events: [before], moved: [moved(wildcard, before)] }),
    );
    const [f] = movedPort.run(held);
    expect(f).toMatchObject({ severity: 'warning', title: 'Your server is on localhost:5174 now' });
    expect(f!.link!.href).toBe('/diagnose/localhost%3A5174');
  });

  test('silent when nothing moved', () => {
    expect(movedPort.run(withHistory(makeFacts(), portHistory()))).toEqual([]);
  });
});

describe('restarted', () => {
  const serving = (pid: number) =>
    makeFacts({
      listeners: [listener('127.0.0.1', 3000, { pid })],
      attempts: [attempt('127.0.0.1', 3000, 'open')],
    });

  test('a new pid since the last diagnosis, quoting what was recorded in between', () => {
    const facts = withHistory(
      serving(913),
      portHistory({
        previous: { at: minutesBefore(20), pids: [812] },
        events: [recorded('opened', 5, { pid: 913 }), recorded('closed', 6), recorded('opened', 60)],
      }),
    );
    const [f] = restarted.run(facts);
    expect(f).toMatchObject({ id: 'restarted', severity: 'info', step: 'monitor' });
    expect(f!.title).toBe('node on port 3000 restarted since the last diagnosis (pid 812 → 913)');
    expect(f!.detail).toContain('05:10:00 (20 minutes ago), pid 812 held the port');
    expect(f!.detail).toContain('opened 05:25:00 (5 minutes ago): node (pid 913, user dev)');
    expect(f!.detail).toContain('closed 05:24:00 (6 minutes ago): node (pid 812, user dev)');
    expect(f!.detail).not.toContain('04:30:00');
  });

  test('silent for the same pid, for a first diagnosis, and while nothing listens', () => {
    const same = withHistory(serving(812), portHistory({ previous: { at: minutesBefore(20), pids: [812] } }));
    expect(restarted.run(same)).toEqual([]);
    expect(restarted.run(withHistory(serving(913), portHistory()))).toEqual([]);
    expect(
      restarted.run(
        withHistory(makeFacts(), portHistory({ previous: { at: minutesBefore(2), pids: [812] } })),
      ),
    ).toEqual([]);
  });
});

describe('flapping', () => {
  const loop = [0.5, 2, 3.5, 5, 6.5, 8].flatMap((m, i) => [
    recorded('closed', m, { pid: 900 + i }),
    recorded('opened', m + 0.5, { pid: 900 + i }),
  ]);

  test('opened and closed 3 or more times in 10 minutes is a warning that quotes the events', () => {
    const [f] = flapping.run(withHistory(makeFacts(), portHistory({ events: loop })));
    expect(f).toMatchObject({ id: 'flapping', severity: 'warning', step: 'monitor' });
    expect(f!.title).toBe('Port 3000 opened 6 times and closed 6 times in the last 10 minutes');
    expect(f!.detail).toContain('closed 05:29:30 (30 seconds ago): node (pid 900, user dev)');
    expect(fixesFor(f!.fixes, 'linux')[0]!.command).toBe('journalctl _PID=900 --no-pager -n 50');
  });

  test('two restarts, or restarts spread over an hour, are not flapping', () => {
    expect(flapping.run(withHistory(makeFacts(), portHistory({ events: loop.slice(0, 4) })))).toEqual([]);
    const slow = [15, 30, 45].flatMap((m) => [recorded('closed', m), recorded('opened', m + 1)]);
    expect(flapping.run(withHistory(makeFacts(), portHistory({ events: slow })))).toEqual([]);
  });
});

describe('history-unavailable', () => {
  test('a paused store is an info finding that names DATA_DIR and the reason, never an error', () => {
    const facts = withHistory(makeFacts(), {
      id: 'history-unavailable',
      dataDir: '/home/dev/.local/share/localhost-doctor',
      reason: 'the disk is full (SQLITE_FULL: database or disk is full)',
      since: '2026-11-26T05:20:00.000Z',
      retryAt: '2026-11-26T05:20:30.000Z',
    });
    const [f] = historyUnavailable.run(facts);
    expect(f).toMatchObject({
      id: 'history-unavailable',
      severity: 'info',
      title: 'History recording is paused',
    });
    expect(f!.detail).toContain('“/home/dev/.local/share/localhost-doctor” (DATA_DIR)');
    expect(f!.detail).toContain('the disk is full');
    expect(fixesFor(f!.fixes, 'linux').map((x) => x.command)).toEqual([
      'ls -ld /home/dev/.local/share/localhost-doctor',
      'df -h /home/dev/.local/share/localhost-doctor',
    ]);
    // The memory checks stay silent: there is no memory to read.
    expect(runChecks(facts).findings.map((x) => x.id)).not.toContain('was-listening');
  });

  test('no history fact, or a recorded one, says nothing', () => {
    expect(historyUnavailable.run(makeFacts())).toEqual([]);
    expect(historyUnavailable.run(withHistory(makeFacts(), portHistory()))).toEqual([]);
    expect(historyUnavailable.run(withHistory(makeFacts(), failed('no answer within 3000 ms')))).toEqual([]);
  });
});
