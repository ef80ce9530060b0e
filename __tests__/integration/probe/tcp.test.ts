import { probeTcp } from '@/lib/probe/tcp';
import {
  cleanupAll,
  closedPort,
  hasIPv6Loopback,
  reportTimings,
  startFullAcceptQueue,
  startTcpServer,
  timed,
} from '@/__tests__/support/servers';

/** A TCP probe must resolve within its timeout plus this, whatever the other side does. */
const TOLERANCE_MS = 150;

afterEach(cleanupAll);
afterAll(reportTimings);

describe('probeTcp', () => {
  it('reports a port nobody listens on as refused, with ECONNREFUSED', async () => {
    const port = await closedPort();
    const { value, ms } = await timed('tcp refused', () => probeTcp('127.0.0.1', port, 1000));
    expect(value).toMatchObject({
      address: '127.0.0.1',
      family: 'IPv4',
      port,
      outcome: 'refused',
      errorCode: 'ECONNREFUSED',
    });
    expect(ms).toBeLessThan(1000 + TOLERANCE_MS);
  });

  it('reports a listening port as open and closes with FIN, not RST', async () => {
    const serverSaw: string[] = [];
    const server = await startTcpServer((socket) => {
      socket.on('end', () => serverSaw.push('end'));
      socket.on('error', (error: NodeJS.ErrnoException) => serverSaw.push(error.code ?? 'error'));
    });
    const { value } = await timed('tcp open', () => probeTcp('127.0.0.1', server.port, 1000));
    expect(value.outcome).toBe('open');
    expect(value.errorCode).toBeUndefined();
    expect(value.timeMs).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(serverSaw).toEqual(['end']);
  });

  it('times out against a listener whose accept queue is full (SYNs dropped by the kernel)', async () => {
    const { port } = await startFullAcceptQueue();
    const { value, ms } = await timed('tcp timeout (full accept queue, 400 ms)', () =>
      probeTcp('127.0.0.1', port, 400),
    );
    expect(value).toMatchObject({ outcome: 'timeout', errorCode: 'ETIMEDOUT' });
    expect(ms).toBeGreaterThanOrEqual(395);
    expect(ms).toBeLessThan(400 + TOLERANCE_MS);
  });

  (hasIPv6Loopback ? it : it.skip)('connects to a server on ::1 and reports IPv6', async () => {
    const server = await startTcpServer((socket) => socket.end(), '::1');
    const { value } = await timed('tcp open ::1', () => probeTcp('::1', server.port, 1000));
    expect(value).toMatchObject({ address: '::1', family: 'IPv6', outcome: 'open' });
  });

  it('refuses to resolve names: it probes exactly the address it is given', () => {
    expect(() => probeTcp('localhost', 80, 100)).toThrow(TypeError);
  });
});
