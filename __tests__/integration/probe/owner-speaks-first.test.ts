import { probeApplication } from '@/lib/probe/app';
import type { ProbeTimeouts } from '@/lib/probe/types';
import { cleanupAll, startHttpServer, startTcpServer } from '@/__tests__/support/servers';

// A banner window far longer than any answer here: a probe that waited it out would show.
const timeouts: ProbeTimeouts = { connectMs: 1000, bannerMs: 3000, responseMs: 2000 };

const probe = (port: number, owner: string | null) =>
  probeApplication('127.0.0.1', port, { timeouts, hostHeader: `127.0.0.1:${port}`, path: '/', owner });

afterEach(cleanupAll);

describe('the banner wait is learned from the owner and the first bytes, not a fixed delay', () => {
  test('an HTTP server owned by node is asked at once, without the banner window', async () => {
    const server = await startHttpServer((_req, res) => res.end('<title>hi</title>'));
    const started = performance.now();
    const value = await probe(server.port, 'node');
    expect(value).toMatchObject({ kind: 'http', protocol: 'HTTP' });
    expect(performance.now() - started).toBeLessThan(timeouts.bannerMs / 2);
  });

  test('an owner that greets first (sshd) still gets the window, and nothing is sent to it', async () => {
    const received: Buffer[] = [];
    const server = await startTcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      setTimeout(() => socket.write('SSH-2.0-OpenSSH_9.2p1 Debian\r\n'), 300);
    });
    const value = await probe(server.port, 'sshd');
    expect(value).toMatchObject({ kind: 'banner', protocol: 'SSH' });
    expect(Buffer.concat(received).length).toBe(0);
  });

  test('a greeting that comes at once is named from its first bytes whatever the owner', async () => {
    const server = await startTcpServer((socket) => socket.write('220 mail.local ESMTP Postfix\r\n'));
    const value = await probe(server.port, 'node');
    expect(value).toMatchObject({ kind: 'banner', protocol: 'SMTP' });
  });
});
