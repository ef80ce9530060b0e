import { chartColumns } from '@/components/monitor/chart-data';
import { timelineOf } from '@/components/monitor/timeline';
import type { HistoryEventView } from '@/components/monitor/types';

const event = (over: Partial<HistoryEventView>): HistoryEventView => ({
  at: '2030-01-01T10:00:00.000Z',
  kind: 'opened',
  protocol: 'tcp',
  address: '127.0.0.1',
  port: 5173,
  family: 'IPv4',
  pid: 4101,
  process: 'vite',
  command: 'vite',
  cwd: '/srv/app',
  user: 'dev',
  startedAt: null,
  ...over,
});

it('the timeline merges listener events and watch flips, newest first, in words', () => {
  const entries = timelineOf(
    [
      event({ at: '2030-01-01T10:00:00.000Z', kind: 'opened' }),
      event({ at: '2030-01-01T10:20:00.000Z', kind: 'closed' }),
      event({
        at: '2030-01-01T10:30:00.000Z',
        kind: 'owner-changed',
        address: '::1',
        process: null,
        pid: null,
      }),
    ],
    [
      { at: '2030-01-01T10:10:00.000Z', up: true, connectMs: 1, ttfbMs: 2, status: 200 },
      {
        at: '2030-01-01T10:20:05.000Z',
        up: false,
        connectMs: null,
        ttfbMs: null,
        status: null,
        error: 'ECONNREFUSED on 127.0.0.1',
      },
      { at: '2030-01-01T10:25:00.000Z', up: true, connectMs: 1, ttfbMs: 2, status: 200 },
    ],
  );
  expect(entries.map((e) => [e.kind, e.text])).toEqual([
    ['owner-changed', 'Owner changed: now an unreadable owner on [::1]:5173'],
    ['up', 'Watch: up again'],
    ['down', 'Watch: down — ECONNREFUSED on 127.0.0.1'],
    ['closed', 'Closed: vite (pid 4101) on 127.0.0.1:5173 stopped listening'],
    ['up', 'Watch: up'],
    ['opened', 'Opened by vite (pid 4101) on 127.0.0.1:5173'],
  ]);
});

it("the chart's columns: time in seconds, connect and first byte, connections by state with the rest as other", () => {
  const cols = chartColumns([
    {
      at: '2030-01-01T00:00:05.000Z',
      up: false,
      connectMs: null,
      ttfbMs: null,
      status: null,
      connections: null,
    },
    {
      at: '2030-01-01T00:00:00.000Z',
      up: true,
      connectMs: 0.5,
      ttfbMs: 3,
      status: 200,
      connections: { ESTABLISHED: 2, TIME_WAIT: 7, FIN_WAIT2: 1, SYN_SENT: 1 },
    },
  ]);
  const t0 = Date.parse('2030-01-01T00:00:00.000Z') / 1000;
  expect(cols).toEqual([
    [t0, t0 + 5],
    [0.5, null],
    [3, null],
    [2, null],
    [7, null],
    [0, null],
    [2, null],
  ]);
});
