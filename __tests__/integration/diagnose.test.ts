/**
 * Every finding id from a real situation on loopback: real servers (in-process or child processes), real
 * /proc, real connects. Only ports these tests opened, or proved free by binding them, are probed.
 */
import net from 'node:net';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { TIME_WAIT_THRESHOLD } from '@/lib/diagnosis/checks/time-wait-buildup';
import {
  cleanupAll,
  closedPort,
  hasIPv6Loopback,
  provesFree,
  startFullAcceptQueue,
  startHttpServer,
  startHttpsServer,
  startTcpServer,
} from '@/__tests__/support/servers';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { inLoopbackOnlyNamespace, requireOrSkip } from '@/__tests__/support/requirements';
import { LOADED_MACHINE_SLACK_MS } from '@/__tests__/support/timing';

const FAST = { connectMs: 700, bannerMs: 250, responseMs: 900 };

async function run(target: string, intent?: 'start'): Promise<Diagnosis> {
  const r = await diagnose(target, { timeouts: FAST, intent });
  if (!r.ok) throw new Error(`${target}: ${r.error.message}`);
  return r.diagnosis;
}
const finding = (d: Diagnosis, id: string) => {
  const f = d.findings.find((x) => x.id === id);
  if (!f) throw new Error(`expected finding ${id}; got ${d.findings.map((x) => x.id).join(', ')}`);
  return f;
};
const ids = (d: Diagnosis) => d.findings.map((f) => f.id);

afterEach(cleanupAll);

describe('a closed port', () => {
  test('is no-listener and refused, and the summary names no-listener first', async () => {
    const port = await closedPort();
    const d = await run(`127.0.0.1:${port}`);
    expect(finding(d, 'no-listener').title).toBe(`Nothing is listening on port ${port}`);
    expect(finding(d, 'refused').detail).toContain('ECONNREFUSED');
    expect(d.summary).toMatchObject({ severity: 'error', cause: 'no-listener' });
  });
});

describe('a child process serving HTTP', () => {
  let server: ChildServer;
  beforeAll(async () => {
    server = await startChildHttpServer({ title: 'Child App' });
  });
  afterAll(() => server.stop());

  test('is listening (owner named with pid and command) and http-ok with the title', async () => {
    const d = await run(`localhost:${server.port}`);
    const listening = finding(d, 'listening');
    expect(listening.title).toBe(`node (pid ${server.pid}) is listening on port ${server.port}`);
    expect(listening.detail).toContain('node -e');
    expect(finding(d, 'http-ok').title).toContain('200 \u201cOK\u201d');
    expect(finding(d, 'http-ok').title).toContain('\u201cChild App\u201d');
    expect(d.summary.severity).toBe('ok');
  });

  test('with intent=start it is port-taken: who holds it, how to stop it, and a free port proven by binding', async () => {
    const d = await run(`127.0.0.1:${server.port}`, 'start');
    const f = finding(d, 'port-taken');
    expect(f.title).toBe(`Port ${server.port} is already taken by node (pid ${server.pid})`);
    expect(f.fixes.map((x) => x.command)).toContain(`kill ${server.pid}`);
    const free = d.facts.freePort;
    expect(free?.status).toBe('ok');
    if (free?.status === 'ok') {
      expect(f.fixes.map((x) => x.command)).toContain(`PORT=${free.value}`);
      expect(await provesFree('127.0.0.1', free.value)).toBe(true);
    }
  });

  test('https:// to it is tls-not-offered', async () => {
    const d = await run(`https://127.0.0.1:${server.port}/`);
    expect(finding(d, 'tls-not-offered').severity).toBe('error');
  });

  test('it sits on an ephemeral port (listen(0)), which is explained', async () => {
    const d = await run(`127.0.0.1:${server.port}`);
    expect(finding(d, 'ephemeral-port').title).toContain(String(server.port));
  });
});

describe('IP families', () => {
  test('a server on ::1 only, asked as 127.0.0.1, is family-mismatch naming both addresses', async () => {
    if (!requireOrSkip(hasIPv6Loopback, 'an IPv6 loopback address (::1)')) return;
    const s = await startHttpServer((_, res) => res.end('v6'), '::1');
    const d = await run(`127.0.0.1:${s.port}`);
    const f = finding(d, 'family-mismatch');
    expect(f.severity).toBe('error');
    expect(f.title).toContain(`[::1]:${s.port}`);
    expect(f.title).toContain('127.0.0.1');
    expect(d.summary.cause).toBe('family-mismatch');
  });
});

test('a server on 127.0.0.2 is bound-elsewhere for 127.0.0.1', async () => {
  const s = await startHttpServer((_, res) => res.end('x'), '127.0.0.2');
  const d = await run(`127.0.0.1:${s.port}`);
  expect(finding(d, 'bound-elsewhere').title).toBe(
    `The server listens on 127.0.0.2:${s.port}, not on 127.0.0.1:${s.port}`,
  );
});

test('HTTP 500 is http-error with the status', async () => {
  const s = await startHttpServer((_, res) => {
    res.statusCode = 500;
    res.end('boom');
  });
  const d = await run(`127.0.0.1:${s.port}`);
  expect(finding(d, 'http-error').title).toBe(
    `127.0.0.1:${s.port} answers HTTP 500 \u201cInternal Server Error\u201d`,
  );
});

test('a TLS server asked without https:// is tls-expected', async () => {
  const s = await startHttpsServer((_, res) => res.end('<title>secure</title>'));
  const d = await run(`127.0.0.1:${s.port}`);
  expect(finding(d, 'tls-expected').fixes[0]!.command).toBe(`https://127.0.0.1:${s.port}/`);
});

test('an SSH banner is not-http, guessed as SSH', async () => {
  const s = await startTcpServer((sock) => sock.write('SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n'));
  const d = await run(`127.0.0.1:${s.port}`);
  expect(finding(d, 'not-http').title).toBe(`127.0.0.1:${s.port} is an SSH server, not a web page`);
});

test('a server that accepts and never answers is no-response, within the probe deadline', async () => {
  const s = await startTcpServer(() => {});
  const started = performance.now();
  const d = await run(`127.0.0.1:${s.port}`);
  const budget = FAST.connectMs + FAST.bannerMs + 2 * FAST.responseMs + LOADED_MACHINE_SLACK_MS;
  expect(performance.now() - started).toBeLessThan(budget);
  expect(finding(d, 'no-response').severity).toBe('error');
});

test('a server that resets every connection is reset', async () => {
  const s = await startTcpServer((sock) => sock.resetAndDestroy());
  const d = await run(`127.0.0.1:${s.port}`);
  expect(finding(d, 'reset').severity).toBe('error');
});

test('a full accept queue makes the connect time out: timeout, within the connect deadline', async () => {
  const { port } = await startFullAcceptQueue();
  const started = performance.now();
  const d = await run(`127.0.0.1:${port}`);
  expect(performance.now() - started).toBeLessThan(FAST.connectMs + 1000);
  expect(finding(d, 'timeout').title).toBe(`Connecting to 127.0.0.1:${port} timed out`);
});

test(`${TIME_WAIT_THRESHOLD}+ client-closed connections are time-wait-buildup`, async () => {
  const s = await startTcpServer((sock) => sock.on('end', () => sock.end()));
  for (let i = 0; i < TIME_WAIT_THRESHOLD + 10; i++) {
    // The client closes first, so its side of each connection lingers in TIME_WAIT toward the port.
    await new Promise<void>((resolve, reject) => {
      const c = net.connect({ host: '127.0.0.1', port: s.port }, () => c.end());
      c.on('error', reject);
      c.on('close', () => resolve());
    });
  }
  const d = await run(`127.0.0.1:${s.port}`);
  expect(finding(d, 'time-wait-buildup').title).toMatch(
    new RegExp(`^\\d+ connections on port ${s.port} are in TIME_WAIT$`),
  );
});

test('a well-known port proven free is privileged-port (and nothing listens there)', async () => {
  let port = 0;
  for (const p of [981, 982, 983, 984, 985]) {
    if (await provesFree('127.0.0.1', p)) {
      port = p;
      break;
    }
  }
  expect(port).toBeGreaterThan(0);
  const d = await run(`127.0.0.1:${port}`);
  expect(finding(d, 'privileged-port').title).toBe(`Port ${port} is a privileged (well-known) port`);
  expect(ids(d)).toContain('no-listener');
});

test('0.0.0.0:<port> is explained as a bind address and probed on 127.0.0.1', async () => {
  const s = await startHttpServer((_, res) => res.end('<title>bind</title>'));
  const d = await run(`0.0.0.0:${s.port}`);
  expect(finding(d, 'bind-address').detail).toContain('bind address');
  expect(finding(d, 'http-ok').detail).toContain(`127.0.0.1:${s.port}`);
});

test('a target outside loopback is refused before any packet is sent', async () => {
  // If the policy were broken this would send packets: only where none can leave.
  if (
    !requireOrSkip(
      inLoopbackOnlyNamespace,
      'a loopback-only network namespace (run through `npm test` as root)',
    )
  )
    return;
  for (const t of [
    '10.0.0.1:80',
    '167772161:80',
    '[::ffff:10.0.0.1]:80',
    '169.254.169.254:80',
    '[fe80::1]:80',
  ]) {
    const r = await diagnose(t);
    expect(r).toMatchObject({ ok: false, status: 403, error: { code: 'target-not-allowed' } });
  }
});
