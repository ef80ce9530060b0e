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
import { LOADED_MACHINE_SLACK_MS } from '@/__tests__/support/timing';
import { requireOrSkip } from '@/__tests__/support/requirements';

/** A TCP probe must resolve within its timeout plus this, whatever the other side does. */
const TOLERANCE_MS = LOADED_MACHINE_SLACK_MS;

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
    let closed!: () => void;
    const serverSocketClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = await startTcpServer((socket) => {
      socket.on('end', () => serverSaw.push('end'));
      socket.on('error', (error: NodeJS.ErrnoException) => serverSaw.push(error.code ?? 'error'));
      socket.on('close', () => closed());
    });
    const { value } = await timed('tcp open', () => probeTcp('127.0.0.1', server.port, 1000));
    expect(value.outcome).toBe('open');
    expect(value.errorCode).toBeUndefined();
    expect(value.timeMs).toBeGreaterThan(0);
    // 'close' comes after 'end' (a FIN) or 'error' (a RST): by then the server has seen how it ended.
    await serverSocketClosed;
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

  it('connects to a server on ::1 and reports IPv6', async () => {
    if (!requireOrSkip(hasIPv6Loopback, 'an IPv6 loopback address (::1)')) return;
    const server = await startTcpServer((socket) => socket.end(), '::1');
    const { value } = await timed('tcp open ::1', () => probeTcp('::1', server.port, 1000));
    expect(value).toMatchObject({ address: '::1', family: 'IPv6', outcome: 'open' });
  });

  it('refuses to resolve names: it probes exactly the address it is given', () => {
    expect(() => probeTcp('localhost', 80, 100)).toThrow(TypeError);
  });
});
