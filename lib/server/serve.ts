import { createServer, type Server } from 'node:http';
import next from 'next';
import { createGate } from '@/lib/server/gate';
import { refuse } from '@/lib/server/refuse';
import { peerOf } from '@/lib/server/peer-identity';
import type { Duplex } from 'node:stream';
import { STATIC_SECURITY_HEADERS } from '@/lib/security/headers';

const CONNECT_BODY = JSON.stringify({
  error: { code: 'method-not-allowed', message: 'This server is not a proxy: CONNECT is not answered.' },
});
const CONNECT_REFUSAL = [
  'HTTP/1.1 405 Method Not Allowed',
  'Allow: GET, HEAD, OPTIONS',
  ...Object.entries(STATIC_SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
  "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
  'Content-Type: application/json',
  `Content-Length: ${Buffer.byteLength(CONNECT_BODY)}`,
  'Connection: close',
  '',
  CONNECT_BODY,
].join('\r\n');

export interface ServeOptions {
  dir: string;
  hostname: string;
  port: number;
}

/**
 * The production server: Node's http server with the gate in front of Next's request handler, so every
 * request passes the peer, path and method checks with the socket in hand (Next's handler never sees it).
 */
export async function serve({ dir, hostname, port }: ServeOptions): Promise<Server> {
  const app = next({ dev: false, dir, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate = createGate();
  const server = createServer((req, res) => {
    gate(req, res)
      .then((pass) => (pass ? handle(req, res) : undefined))
      .catch(() => refuse(res, 400, 'bad-request', 'The request could not be read.', { api: true }));
  });
  server.on('connection', (socket) => void peerOf(socket));
  // CONNECT never reaches the request handler; without this Node just drops the connection.
  server.on('connect', (_req, socket: Duplex) => socket.end(CONNECT_REFUSAL));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  return server;
}
