import 'server-only';
import type net from 'node:net';
import type { Connection } from '@/lib/host/listeners/types';

/*
 * The local ports of the connections this process opened to probe a port. Each probe leaves sockets
 * behind in TIME_WAIT (a minute on Linux, up to four on Windows); without this a second diagnosis would
 * count the first one's sockets as the service's own traffic.
 */

/** Longer than any OS keeps TIME_WAIT (Windows: 240 s by default). */
const REMEMBER_MS = 240_000;
const MAX_REMEMBERED = 4096;

/** "<remote port>|<local port>" → when it was opened. A Map keeps insertion order: the oldest go first. */
const opened = new Map<string, number>();

function forget(now: number): void {
  for (const [key, at] of opened) {
    if (now - at < REMEMBER_MS && opened.size <= MAX_REMEMBERED) break;
    opened.delete(key);
  }
}

/** Call on a probe socket: once connected, its local port is remembered as ours. */
export function rememberOwnConnection(socket: net.Socket): void {
  socket.once('connect', () => {
    const { localPort, remotePort } = socket;
    if (localPort === undefined || remotePort === undefined) return;
    const now = performance.now();
    opened.set(`${remotePort}|${localPort}`, now);
    forget(now);
  });
}

/** Either end of a connection this process opened to `port`: our client's end or the server's. */
export function isOwnConnection(port: number, c: Pick<Connection, 'localPort' | 'remotePort'>): boolean {
  if (c.remotePort === port) return opened.has(`${port}|${c.localPort}`);
  if (c.localPort === port) return opened.has(`${port}|${c.remotePort}`);
  return false;
}
