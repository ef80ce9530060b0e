import { createServer, type Server } from 'node:http';
import next from 'next';
import { createGate } from '@/lib/server/gate';
import { refuse } from '@/lib/server/refuse';
import { peerOf } from '@/lib/server/peer-identity';
import type { Duplex } from 'node:stream';
import { STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { killAllLabRunsNow, stopAllLabRuns } from '@/lib/labs/registry';

/** A whole answer for the cases Node's parser handles before any request object exists. */
function rawRefusal(status: string, code: string, message: string, extra: string[] = []): string {
  const body = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status}`,
    ...extra,
    ...Object.entries(STATIC_SECURITY_HEADERS).map(([k, v]) => `${k}: ${v}`),
    "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
    'Cache-Control: no-store',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
const CONNECT_REFUSAL = rawRefusal(
  '405 Method Not Allowed',
  'method-not-allowed',
  'This server is not a proxy: CONNECT is not answered.',
  ['Allow: GET, HEAD, OPTIONS'],
);
const UNPARSABLE = rawRefusal(
  '400 Bad Request',
  'bad-request',
  'The request could not be read (an unknown method or malformed HTTP).',
);

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
  // A method Node's parser does not know, or broken HTTP: Node's default answer would lack our headers.
  server.on('clientError', (_err, socket: Duplex) => {
    if (socket.writable) socket.end(UNPARSABLE);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  // Labs' processes are the app's children: however the app exits, none is left behind.
  process.once('exit', killAllLabRunsNow);
  return server;
}

/** The orderly end (SIGTERM, SIGINT): every lab's processes and namespaces end before the app does. */
export const endLabs = stopAllLabRuns;
