import net from 'node:net';
import { connectionsOnPort } from '@/lib/host/connections';
import { onLinux } from '@/__tests__/support/requirements';

// A server in this process on 127.0.0.1:<kernel-chosen port>, and clients that connect only to it.
let server: net.Server;
let port: number;
const serverSide: net.Socket[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    serverSide.push(socket);
    socket.on('end', () => socket.end()); // answer the client's FIN so the client ends in TIME_WAIT
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  for (const s of serverSide) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function connect(): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

onLinux('connectionsOnPort on this Linux host', () => {
  it('counts both ends of three open connections as ESTABLISHED, and not the listener', async () => {
    const clients = await Promise.all([connect(), connect(), connect()]);
    const seen = await until(
      () => connectionsOnPort(port),
      (c) => (c.byState.ESTABLISHED ?? 0) >= 6,
    );
    expect(seen.byState.ESTABLISHED).toBe(6);
    expect(seen.byState.LISTEN).toBeUndefined();
    expect(seen.sample.every((c) => c.localPort === port || c.remotePort === port)).toBe(true);
    expect(seen.sample).toContainEqual({
      state: 'ESTABLISHED',
      localAddress: '127.0.0.1',
      localPort: clients[0]!.localPort,
      remoteAddress: '127.0.0.1',
      remotePort: port,
    });
    expect(seen.source).toBe('/proc/net/{tcp,tcp6}');

    // The clients close first, so their side waits in TIME_WAIT once the server has answered. Only our three
    // clients are counted: a TIME_WAIT left by an earlier test whose port number listen(0) reused may linger.
    for (const c of clients) c.end();
    const ours = new Set(clients.map((c) => c.localPort));
    const lingering = (c: Awaited<ReturnType<typeof connectionsOnPort>>) =>
      c.sample.filter((x) => x.state === 'TIME_WAIT' && ours.has(x.localPort));
    const closed = await until(
      () => connectionsOnPort(port),
      (c) => lingering(c).length >= 3,
    );
    expect(closed.byState.TIME_WAIT).toBeGreaterThanOrEqual(3);
    expect(closed.byState.ESTABLISHED ?? 0).toBe(0);
    expect(lingering(closed).map((c) => c.remotePort)).toEqual([port, port, port]);
  });

  it('caps the sample at 50 but counts everything', async () => {
    const clients = await Promise.all(Array.from({ length: 30 }, connect));
    const seen = await until(
      () => connectionsOnPort(port),
      (c) => (c.byState.ESTABLISHED ?? 0) >= 60,
    );
    expect(seen.byState.ESTABLISHED).toBe(60);
    expect(seen.total).toBeGreaterThanOrEqual(60);
    expect(seen.sample).toHaveLength(50);
    for (const c of clients) c.destroy();
  });
});
