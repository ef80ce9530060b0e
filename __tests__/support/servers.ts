// Real servers on loopback for the probe tests. Every port used is one we opened (listen(0)) or proved
// free by binding and closing it; every server is closed, and every child we spawn killed by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';

export interface Running {
  port: number;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void>)[] = [];

/** Call from afterEach/afterAll: closes every server and kills every child started through this file. */
export async function cleanupAll(): Promise<void> {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
}

export const hasIPv6Loopback = Object.values(os.networkInterfaces())
  .flat()
  .some((iface) => iface?.address === '::1');

const fixtureDir = path.join(__dirname, '..', 'fixtures', 'tls');
export const testTls = {
  key: fs.readFileSync(path.join(fixtureDir, 'localhost-key.pem')),
  cert: fs.readFileSync(path.join(fixtureDir, 'localhost-cert.pem')),
};

/** Listens on host:0 (or the given port), tracks accepted sockets so close() never waits on them. */
async function listen(server: net.Server, host: string, port = 0): Promise<Running> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => {}); // the probe resets and destroys sockets; that is expected here
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => {}); // a plaintext probe of a TLS server is part of the scenario
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, ipv6Only: host.includes(':') }, () => resolve());
  });
  const close = (): Promise<void> =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  cleanups.push(close);
  return { port: (server.address() as net.AddressInfo).port, close };
}

/** A raw TCP server: `onConnection` decides what the "application" does with each connection. */
export function startTcpServer(
  onConnection: (socket: net.Socket) => void,
  host = '127.0.0.1',
): Promise<Running> {
  return listen(net.createServer(onConnection), host);
}

export function startHttpServer(
  handler: http.RequestListener,
  host = '127.0.0.1',
  port = 0,
): Promise<Running> {
  return listen(http.createServer(handler), host, port);
}

export function startHttpsServer(handler: http.RequestListener, host = '127.0.0.1'): Promise<Running> {
  return listen(https.createServer({ ...testTls }, handler), host);
}

/** TLS that completes the handshake and then never says anything. */
export function startSilentTlsServer(host = '127.0.0.1'): Promise<Running> {
  return listen(
    tls.createServer({ ...testTls }, () => {}),
    host,
  );
}

/**
 * One port that speaks TLS (HTTPS) to a ClientHello and answers anything else with `plaintextAnswer`
 * then closes — how Go's net/http, nginx and OpenSSL-based servers treat a plaintext request.
 */
export async function startDualModeServer(
  plaintextAnswer: Buffer | string,
  handler: http.RequestListener,
): Promise<Running> {
  const httpsServer = https.createServer({ ...testTls }, handler);
  httpsServer.on('tlsClientError', () => {});
  const running = await startTcpServer((socket) => {
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      if (first[0] === 0x16) httpsServer.emit('connection', socket);
      else socket.end(plaintextAnswer);
    });
  });
  cleanups.push(async () => void httpsServer.close());
  return running;
}

/** Binds host:port and closes it again: proves nobody else holds it (resolves false when taken). */
export function provesFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, ipv6Only: host.includes(':') }, () => server.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago: bound by us on listen(0), then closed. */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const running = await startTcpServer(() => {}, host);
  await running.close();
  return running.port;
}

/**
 * A listener whose accept queue is full, so the kernel drops further SYNs and a connect times out —
 * a real timeout on loopback. The listener lives in a child Node process whose event loop is blocked
 * (Atomics.wait), so it never accepts. Linux admits backlog+1 connections to the accept queue; we fill
 * it with our own connections until one no longer completes. SYN cookies do not interfere: they only
 * apply when the SYN queue overflows, and Linux drops a SYN outright when the accept queue is full.
 */
export async function startFullAcceptQueue(): Promise<{ port: number }> {
  const script = [
    "const server = require('node:net').createServer();",
    "server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {",
    "  process.stdout.write(server.address().port + '\\n');",
    '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);',
    '  process.exit(0);',
    '});',
  ].join('\n');
  const child: ChildProcess = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = child.pid;
  cleanups.push(async () => {
    if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(pid, 'SIGKILL');
    await exited;
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`queue child exited early (${code})`)));
  });
  const fillers: net.Socket[] = [];
  cleanups.push(async () => fillers.forEach((socket) => socket.destroy()));
  for (let i = 0; i < 16; i++) {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('error', () => {});
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) return { port };
  }
  throw new Error('the accept queue never filled up: this kernel does not drop SYNs on a full backlog');
}

const timings: string[] = [];

/** Prints the measured probe times after a file when PROBE_TIMINGS=1 (kept quiet otherwise). */
export function reportTimings(): void {
  if (process.env.PROBE_TIMINGS === '1' && timings.length > 0) console.log(timings.splice(0).join('\n'));
}

/** Runs `work` and measures it, in milliseconds; `scenario` names the line in the timing report. */
export async function timed<T>(scenario: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  timings.push(`${scenario}: ${ms.toFixed(1)} ms`);
  return { value, ms };
}
