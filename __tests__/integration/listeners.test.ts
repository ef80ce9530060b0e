import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listListeners } from '@/lib/host/listeners';
import { requireOrSkip, onLinux } from '@/__tests__/support/requirements';
import { startSocketChild, stopAllSocketChildren, stopSocketChild } from '@/__tests__/support/node-sockets';

afterAll(stopAllSocketChildren);

onLinux('listListeners on this Linux host (real sockets, real /proc)', () => {
  it('names the node process that listens on 127.0.0.1: pid, name, command line, user, start time', async () => {
    const server = await startSocketChild('tcp', '127.0.0.1');
    const table = await listListeners({ port: server.port });

    const tcp = table.listeners.filter((l) => l.protocol === 'tcp');
    expect(tcp).toHaveLength(1);
    const [listener] = tcp;
    expect(listener).toMatchObject({
      address: '127.0.0.1',
      port: server.port,
      family: 'IPv4',
      pid: server.pid,
      process: path.basename(process.execPath).slice(0, 15),
      user: os.userInfo().username,
      uid: process.getuid!(),
    });
    expect(listener!.command).toMatch(
      new RegExp(`^${process.execPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -e `),
    );
    expect(listener!.command).toContain('127.0.0.1');
    // startedAt comes from boot time (whole seconds) plus clock ticks: within a couple of seconds.
    const started = Date.parse(listener!.startedAt ?? '');
    expect(Math.abs(started - server.spawnedAt)).toBeLessThan(2500);
    expect(listener!.memoryBytes).toBeGreaterThan(1024 * 1024);
    expect(listener!.inode).toBeGreaterThan(0);
    expect(table.source).toContain('/proc/net');
  });

  it('reports a server bound to ::1 only as family IPv6 with address ::1', async () => {
    if (!requireOrSkip(existsSync('/proc/net/tcp6'), 'IPv6 on loopback (/proc/net/tcp6)')) return;
    const server = await startSocketChild('tcp', '::1');
    const { listeners } = await listListeners({ port: server.port, protocols: ['tcp'] });
    expect(listeners).toEqual([
      expect.objectContaining({ address: '::1', family: 'IPv6', pid: server.pid, protocol: 'tcp' }),
    ]);
  });

  it('lists a bound UDP socket with protocol udp, and leaves it out when only tcp is asked for', async () => {
    const socket = await startSocketChild('udp', '127.0.0.1');
    const all = await listListeners({ port: socket.port });
    expect(all.listeners).toContainEqual(
      expect.objectContaining({ protocol: 'udp', address: '127.0.0.1', pid: socket.pid }),
    );
    const tcpOnly = await listListeners({ port: socket.port, protocols: ['tcp'] });
    expect(tcpOnly.listeners.filter((l) => l.protocol === 'udp')).toEqual([]);
  });

  it('never answers from a stale memory: a new listener appears and a killed one disappears', async () => {
    await listListeners(); // warm whatever the adapter remembers
    const server = await startSocketChild('tcp', '127.0.0.1');
    const before = await listListeners();
    expect(before.listeners).toContainEqual(expect.objectContaining({ port: server.port, pid: server.pid }));
    await stopSocketChild(server);
    const after = await listListeners({ port: server.port, protocols: ['tcp'] });
    expect(after.listeners.filter((l) => l.pid === server.pid)).toEqual([]);
  });

  it('keeps the full table consistent with the one-port answer', async () => {
    const server = await startSocketChild('tcp', '127.0.0.1');
    const [full, one] = [await listListeners(), await listListeners({ port: server.port })];
    const fromFull = full.listeners.filter((l) => l.port === server.port);
    expect(one.listeners).toEqual(fromFull);
    expect(full.listeners.every((l) => l.pid !== null || full.partial)).toBe(true);
  });
});
