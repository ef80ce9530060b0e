// Real processes that own sockets, for the listener tests: `node -e` children that bind on loopback,
// print their port and wait. Each is killed by its own pid.
import { spawn, type ChildProcess } from 'node:child_process';

export interface SocketChild {
  pid: number;
  port: number;
  spawnedAt: number;
  child: ChildProcess;
}

const SCRIPTS = {
  tcp: `const [host] = process.argv.slice(1);
const server = require('node:net').createServer();
server.listen({ host, port: 0, ipv6Only: host.includes(':') }, () => console.log(server.address().port));`,
  udp: `const [host] = process.argv.slice(1);
const socket = require('node:dgram').createSocket(host.includes(':') ? 'udp6' : 'udp4');
socket.bind(0, host, () => console.log(socket.address().port));`,
};

const started: SocketChild[] = [];

/** Starts a child that holds one TCP listener or bound UDP socket on `host` (port chosen by the kernel). */
export async function startSocketChild(protocol: 'tcp' | 'udp', host: string): Promise<SocketChild> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, ['-e', SCRIPTS[protocol], host], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`socket child exited early (${code})`)));
  });
  const entry = { pid: child.pid!, port, spawnedAt, child };
  started.push(entry);
  return entry;
}

/** Kills one child by pid and waits until it is gone (so its sockets are closed). */
export async function stopSocketChild(entry: SocketChild): Promise<void> {
  const { child } = entry;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  process.kill(entry.pid, 'SIGKILL');
  await gone;
}

/** For afterAll: every child this module started, by pid. */
export async function stopAllSocketChildren(): Promise<void> {
  await Promise.all(started.splice(0).map(stopSocketChild));
}
