import type net from 'node:net';
import { applicationDeadlineMs, probeApplication } from '@/lib/probe/app';
import type { ProbeTimeouts } from '@/lib/probe/types';
import { cleanupAll, reportTimings, startTcpServer, timed } from '@/__tests__/support/servers';
import { LOADED_MACHINE_SLACK_MS } from '@/__tests__/support/timing';

const timeouts: ProbeTimeouts = { connectMs: 500, bannerMs: 150, responseMs: 500 };
/** However the server behaves, a probe ends by its deadline plus this. */
const TOLERANCE_MS = LOADED_MACHINE_SLACK_MS;
const deadline = applicationDeadlineMs(timeouts) + TOLERANCE_MS;

const probe = (port: number) =>
  probeApplication('127.0.0.1', port, { timeouts, hostHeader: `127.0.0.1:${port}`, path: '/' });

/** Runs the probe against a raw TCP server and checks the deadline on every scenario. */
async function probeServer(scenario: string, onConnection: (socket: net.Socket) => void) {
  const server = await startTcpServer(onConnection);
  const { value, ms } = await timed(scenario, () => probe(server.port));
  expect(ms).toBeLessThan(deadline);
  return { value, ms };
}

afterEach(cleanupAll);
afterAll(reportTimings);

describe('probeApplication with servers that do not speak HTTP', () => {
  it('names SSH from the banner it sends first, without sending HTTP to it', async () => {
    const received: Buffer[] = [];
    const { value } = await probeServer('ssh banner', (socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.write('SSH-2.0-OpenSSH_9.2p1 Debian\r\n');
    });
    expect(value).toMatchObject({
      kind: 'banner',
      protocol: 'SSH',
      banner: 'SSH-2.0-OpenSSH_9.2p1 Debian\\r\\n',
      http: null,
    });
    expect(Buffer.concat(received).length).toBe(0);
  });

  it('names SMTP from a 220 ESMTP greeting', async () => {
    const { value } = await probeServer('smtp banner', (socket) =>
      socket.write('220 mail.local ESMTP Postfix (Debian)\r\n'),
    );
    expect(value).toMatchObject({ kind: 'banner', protocol: 'SMTP' });
    expect(value.banner).toContain('220 mail.local ESMTP Postfix');
  });

  it('names Redis from the error it answers to our HTTP request', async () => {
    const { value } = await probeServer('redis -ERR reply', (socket) =>
      socket.once('data', () =>
        socket.write("-ERR unknown command 'GET', with args beginning with: '/' \r\n"),
      ),
    );
    expect(value).toMatchObject({ kind: 'banner', protocol: 'Redis' });
    expect(value.banner).toMatch(/^-ERR unknown command/);
  });

  it('reports a server that accepts and never writes as no-response after banner + response time', async () => {
    const { value, ms } = await probeServer('silent (no-response)', () => {});
    expect(value.kind).toBe('no-response');
    expect(ms).toBeGreaterThanOrEqual(timeouts.bannerMs + timeouts.responseMs - 5);
  });

  it('stays within the deadline on the longest path: preferTls against a server that stalls the handshake', async () => {
    const server = await startTcpServer(() => {});
    const { value, ms } = await timed('silent, preferTls (worst case)', () =>
      probeApplication('127.0.0.1', server.port, {
        timeouts,
        hostHeader: 'localhost',
        path: '/',
        preferTls: true,
      }),
    );
    expect(value.kind).toBe('no-response');
    expect(ms).toBeGreaterThanOrEqual(timeouts.connectMs + timeouts.responseMs);
    expect(ms).toBeLessThan(deadline);
  });

  it('reports a server that resets every connection as reset', async () => {
    const { value } = await probeServer('reset on accept', (socket) => socket.resetAndDestroy());
    expect(value.kind).toBe('reset');
    expect(value.message).toMatch(/ECONNRESET/);
  });

  it('reports a server that closes at once as closed', async () => {
    const { value } = await probeServer('closed on accept', (socket) => socket.end());
    expect(value.kind).toBe('closed');
  });

  it('reports a server that closes right after our request (and is not TLS either) as closed', async () => {
    const { value } = await probeServer('closed after request', (socket) =>
      socket.once('data', () => socket.end()),
    );
    expect(value.kind).toBe('closed');
    expect(value.message).toMatch(/right after our HTTP request, without sending a byte; TLS failed too/);
  });

  it('stops reading an endless HTTP body by the deadline and says the body was truncated', async () => {
    const timers: NodeJS.Timeout[] = [];
    const { value } = await probeServer('endless http body', (socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<title>Forever</title>');
        timers.push(setInterval(() => socket.writable && socket.write('.'), 20));
        socket.on('close', () => timers.forEach(clearInterval));
      }),
    );
    timers.forEach(clearInterval);
    expect(value.kind).toBe('http');
    expect(value.http).toMatchObject({ status: 200, title: 'Forever', bodyTruncated: true });
  });

  it('gives up on a server that trickles a banner one byte at a time, and shows what came', async () => {
    const timers: NodeJS.Timeout[] = [];
    const { value } = await probeServer('byte-by-byte banner', (socket) => {
      timers.push(setInterval(() => socket.writable && socket.write('x'), 10));
      socket.on('close', () => timers.forEach(clearInterval));
    });
    timers.forEach(clearInterval);
    expect(value).toMatchObject({ kind: 'banner', protocol: 'unknown' });
    expect(value.banner).toMatch(/^x+$/);
  });
});
