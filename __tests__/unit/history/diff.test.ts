import { diffListeners, listenerKey, tableSignature } from '@/lib/history/diff';
import type { ListenerStateRow } from '@/lib/history/listener-state';
import { listener } from '@/__tests__/support/facts';

const AT = '2026-12-01T14:02:11.000Z';
const cwdOf = (pid: number) => `/home/dev/app-${pid}`;

function stateOf(l: ReturnType<typeof listener>, cwd: string | null = '/home/dev/app-812'): ListenerStateRow {
  return {
    key: listenerKey(l),
    inode: l.inode ?? null,
    protocol: l.protocol,
    address: l.address,
    port: l.port,
    family: l.family,
    pid: l.pid,
    process: l.process,
    command: l.command,
    cwd,
    user: l.user,
    startedAt: l.startedAt,
    since: '2026-12-01T14:00:00.000Z',
  };
}

describe('what the recorder records between two samples', () => {
  const server = listener('127.0.0.1', 5173, { inode: 1001, command: 'node vite --port 5173' });

  test('a new socket is opened, with its owner and the directory it was started from', () => {
    const change = diffListeners([], [server], AT, cwdOf);
    expect(change.events).toEqual([
      expect.objectContaining({
        at: AT,
        kind: 'opened',
        address: '127.0.0.1',
        port: 5173,
        pid: 812,
        command: 'node vite --port 5173',
        cwd: '/home/dev/app-812',
        user: 'dev',
        startedAt: server.startedAt,
      }),
    ]);
    expect(change.upserted).toHaveLength(1);
  });

  test('the same socket with the same owner records nothing (no duplicate after a restart of the app)', () => {
    const change = diffListeners([stateOf(server)], [server], AT, () => {
      throw new Error('cwd must not be read for a socket already known');
    });
    expect(change).toEqual({ events: [], removed: [], upserted: [] });
  });

  test('a socket that is gone is closed, quoting who held it', () => {
    const change = diffListeners([stateOf(server)], [], AT, cwdOf);
    expect(change.events).toEqual([
      expect.objectContaining({ kind: 'closed', pid: 812, cwd: '/home/dev/app-812', at: AT }),
    ]);
    expect(change.removed).toEqual([listenerKey(server)]);
  });

  test('a restart on the same port (new inode, new pid) is closed then opened, in that order', () => {
    const again = { ...server, inode: 2002, pid: 913, startedAt: '2026-12-01T14:02:10.000Z' };
    const change = diffListeners([stateOf(server)], [again], AT, cwdOf);
    expect(change.events.map((e) => [e.kind, e.pid])).toEqual([
      ['closed', 812],
      ['opened', 913],
    ]);
  });

  test('the same socket held by another process (a fork took it over) is owner-changed', () => {
    const child = { ...server, pid: 900, startedAt: '2026-12-01T14:01:00.000Z' };
    const change = diffListeners([stateOf(server)], [child], AT, cwdOf);
    expect(change.events).toEqual([
      expect.objectContaining({ kind: 'owner-changed', pid: 900, cwd: '/home/dev/app-900' }),
    ]);
  });

  test('an owner that could not be read this time is not recorded as a change', () => {
    const hidden = { ...server, pid: null, process: null, command: null, user: null, startedAt: null };
    expect(diffListeners([stateOf(server)], [hidden], AT, cwdOf).events).toEqual([]);
  });

  test('a new socket whose owner is not found yet waits, until the recorder says to record it as unknown', () => {
    const hidden = { ...server, pid: null, process: null, command: null, user: null, startedAt: null };
    expect(diffListeners([], [hidden], AT, cwdOf, () => false)).toEqual({
      events: [],
      removed: [],
      upserted: [],
    });
    expect(diffListeners([], [hidden], AT, cwdOf, () => true).events).toEqual([
      expect.objectContaining({ kind: 'opened', pid: null, cwd: null }),
    ]);
  });

  test('without inodes (macOS, Windows) a socket is told apart by its owner', () => {
    const a = listener('127.0.0.1', 8080, { pid: 1 });
    const b = listener('127.0.0.1', 8080, { pid: 2 });
    expect(listenerKey(a)).not.toBe(listenerKey(b));
    expect(diffListeners([stateOf(a)], [b], AT, cwdOf).events.map((e) => e.kind)).toEqual([
      'closed',
      'opened',
    ]);
  });

  test('the signature changes exactly when the socket or its owner does', () => {
    expect(tableSignature([server])).toBe(tableSignature([{ ...server, memoryBytes: 1 }]));
    expect(tableSignature([server])).not.toBe(tableSignature([{ ...server, pid: 9 }]));
    expect(tableSignature([server])).not.toBe(tableSignature([{ ...server, inode: 9 }]));
  });
});
