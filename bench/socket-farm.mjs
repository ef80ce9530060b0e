// A bench child: holds listening and connected loopback sockets so the listener lookup has a busy
// host to search, and opens a fresh listener on request so the parent can check answers are current.
// Plain JS (no tsx) so twenty of them start quickly. Talks to the parent over the fork IPC channel.
import net from 'node:net';

const servers = [];
const clients = [];
const accepted = [];
const fresh = [];

function listen(host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      accepted.push(socket);
      socket.on('error', () => {});
    });
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

function connect({ host, port }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

const handlers = {
  async start({ count, hosts }) {
    for (let i = 0; i < count; i++) servers.push(await listen(hosts[i % hosts.length]));
    return { listeners: servers.map((s) => ({ host: s.address().address, port: s.address().port })) };
  },
  async connect({ targets }) {
    // In batches: thousands of simultaneous SYNs to one backlog would just be retried by the kernel.
    for (let i = 0; i < targets.length; i += 100)
      clients.push(...(await Promise.all(targets.slice(i, i + 100).map(connect))));
    return { connected: clients.length };
  },
  // A new listener each time, kept open (so its fd number is new) unless reuseFd: then the previous
  // fresh one is closed first and the kernel hands out the same, lowest free fd number again.
  async listen({ host, reuseFd }) {
    if (reuseFd && fresh.length > 0) await new Promise((resolve) => fresh.pop().close(resolve));
    const server = await listen(host);
    fresh.push(server);
    return { port: server.address().port };
  },
};

process.on('message', async (message) => {
  try {
    const reply = await handlers[message.type](message);
    process.send({ id: message.id, ok: true, ...reply });
  } catch (error) {
    process.send({ id: message.id, ok: false, error: String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
