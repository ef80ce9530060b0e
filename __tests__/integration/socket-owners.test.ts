import { spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import net from 'node:net';
import { readProcNet } from '@/lib/host/linux/procnet-read';
import { findSocketOwners, lastSearch } from '@/lib/host/linux/socket-owners';
import { onLinux } from '@/__tests__/support/requirements';

const servers: net.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(): Promise<net.Server> {
  const server = net.createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function close(server: net.Server): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  return new Promise((resolve) => server.close(() => resolve()));
}

/** The live listener inodes right now, and the inode of the one on `port`. */
function snapshot(port: number): { inode: number; live: Map<string, Set<number>> } {
  const inodes = new Set<number>();
  const rows = readProcNet('/proc/net/tcp', { listenersOnly: true, port, collectInodes: inodes }) ?? [];
  return { inode: rows[0]?.inode ?? 0, live: new Map([['tcp', inodes]]) };
}

onLinux('findSocketOwners (real /proc of this process)', () => {
  it('finds the fd that holds a listener, and every answer is a link that says so', async () => {
    const server = await listen();
    const { inode, live } = snapshot((server.address() as net.AddressInfo).port);
    const { owners, unresolved } = findSocketOwners([inode], live);
    expect(unresolved).toEqual([]);
    const owner = owners.get(inode)!;
    expect(owner.pid).toBe(process.pid);
    expect(readlinkSync(`/proc/${owner.pid}/fd/${owner.fd}`)).toBe(`socket:[${inode}]`);
  });

  it('follows a listener replaced on the same fd number instead of trusting its memory', async () => {
    const first = await listen();
    const before = snapshot((first.address() as net.AddressInfo).port);
    const oldFd = findSocketOwners([before.inode], before.live).owners.get(before.inode)!.fd;

    await close(first);
    const second = await listen(); // the kernel hands out the lowest free fd: usually the same number
    const after = snapshot((second.address() as net.AddressInfo).port);
    const { owners } = findSocketOwners([after.inode], after.live);
    const owner = owners.get(after.inode)!;
    expect(owner.pid).toBe(process.pid);
    expect(readlinkSync(`/proc/${owner.pid}/fd/${owner.fd}`)).toBe(`socket:[${after.inode}]`);
    // And the old socket is not reported as still owned by anyone.
    expect(findSocketOwners([before.inode], after.live).owners.has(before.inode)).toBe(false);
    expect(typeof oldFd).toBe('number');
  });

  it('reports an inode nobody holds as unresolved, not as a guess', () => {
    const ghost = 1; // inode 1 is never a socket
    const { owners, unresolved } = findSocketOwners([ghost], new Map([['tcp', new Set([ghost])]]));
    expect(owners.size).toBe(0);
    expect(unresolved).toEqual([ghost]);
  });

  it('reads every fd again for a socket it could not place only after a wait, and still finds a new one at once', async () => {
    const ghost = 2; // never a socket: stands for one whose owner is in another PID namespace
    const ghostLive = () => new Set([ghost]);
    findSocketOwners([ghost], new Map([['tcp', ghostLive()]]));
    expect(lastSearch.thorough).toBe(true);
    // Asked again at once (the recorder's next listing): no read of every fd of every process.
    expect(findSocketOwners([ghost], new Map([['tcp', ghostLive()]])).unresolved).toEqual([ghost]);
    expect(lastSearch.thorough).toBe(false);
    // A server started meanwhile is new: found in the same call, without the thorough pass for the ghost.
    const child = spawn(
      process.execPath,
      ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port))"],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const port = await new Promise<number>((resolve) =>
        child.stdout.once('data', (b) => resolve(Number(String(b)))),
      );
      const { inode, live } = snapshot(port);
      live.get('tcp')!.add(ghost);
      const { owners, unresolved } = findSocketOwners([ghost, inode], live);
      expect(owners.get(inode)?.pid).toBe(child.pid);
      expect(unresolved).toEqual([ghost]);
    } finally {
      child.kill('SIGKILL');
    }
    expect(lastSearch.thorough).toBe(false);
  });

  it('waits twice as long after each thorough search that missed (2, 4, 8… min, at most 30)', () => {
    const ghost = 3;
    const ask = (atMinutes: number) => {
      findSocketOwners([ghost], new Map([['tcp', new Set([ghost])]]), 1e12 + atMinutes * 60_000);
      return lastSearch.thorough;
    };
    expect([ask(0), ask(1), ask(2.01), ask(5), ask(6.02), ask(14), ask(14.03)]).toEqual([
      true, // never searched
      false, // within 2 min
      true, // 2 min over: miss 2
      false, // within 4 min
      true, // 4 min over: miss 3
      false, // within 8 min
      true,
    ]);
  });
});
