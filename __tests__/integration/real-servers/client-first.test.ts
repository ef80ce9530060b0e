/**
 * Real servers installed from Debian, diagnosed as a person would: a healthy Redis or PostgreSQL is named
 * for what it is (never "closed", never an error), and a server that accepts one single connection (`nc -l`)
 * is asked on that very connection. Ports are proven free by binding them; every server is ended by pid.
 */
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { probeApplication } from '@/lib/probe/app';
import {
  hasNc,
  hasPostgres,
  hasRedis,
  startNcOnce,
  startPostgres,
  startRedis,
  stopRealServers,
} from '@/__tests__/support/real-servers';
import { requireOrSkip } from '@/__tests__/support/requirements';

jest.setTimeout(60000);
afterEach(stopRealServers);

/** Default timeouts, as the app uses them: the point is what a person waits. */
async function run(target: string): Promise<{ d: Diagnosis; ms: number }> {
  const started = performance.now();
  const r = await diagnose(target);
  if (!r.ok) throw new Error(`${target}: ${r.error.message}`);
  return { d: r.diagnosis, ms: performance.now() - started };
}
const ids = (d: Diagnosis) => d.findings.map((f) => f.id);
const application = (d: Diagnosis) =>
  d.facts.probes.status === 'ok' ? d.facts.probes.value.application : null;
const attempts = (d: Diagnosis) => (d.facts.probes.status === 'ok' ? d.facts.probes.value.attempts : []);
const severities = (d: Diagnosis) => d.findings.map((f) => `${f.id}:${f.severity}`);
/** Well under the ~4.4 s a real Redis used to cost (HTTP, a hang-up, then a TLS handshake to its timeout). */
const QUICK_MS = 2500;

describe('a real Redis', () => {
  test('is a Redis server, not a web page: ok, with the redis-cli command, quickly', async () => {
    if (!requireOrSkip(hasRedis, 'redis-server (Debian package redis-server)')) return;
    const { port } = await startRedis();
    const { d, ms } = await run(`127.0.0.1:${port}`);
    expect(application(d)).toMatchObject({ kind: 'banner', protocol: 'Redis', banner: '+PONG\\r\\n' });
    expect(ids(d)).not.toContain('closed');
    expect(severities(d).filter((s) => s.endsWith(':error'))).toEqual([]);
    const f = d.findings.find((x) => x.id === 'not-http')!;
    expect(f.severity).toBe('ok');
    expect(f.title).toBe(`127.0.0.1:${port} is a Redis server, not a web page`);
    expect(f.detail).toContain('it speaks RESP, not HTTP');
    expect(f.fixes[0]!.command).toBe(`redis-cli -h 127.0.0.1 -p ${port} ping`);
    expect(d.summary.headline).toBe(`127.0.0.1:${port} is a Redis server, not a web page`);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  test('is recognised without knowing its owner: the HTTP request is hung up on, a RESP PING is answered', async () => {
    if (!requireOrSkip(hasRedis, 'redis-server (Debian package redis-server)')) return;
    const { port } = await startRedis();
    const started = performance.now();
    const app = await probeApplication('127.0.0.1', port, { hostHeader: `127.0.0.1:${port}`, path: '/' });
    expect(app).toMatchObject({ kind: 'banner', protocol: 'Redis' });
    expect(performance.now() - started).toBeLessThan(QUICK_MS);
  });
});

describe('a real PostgreSQL', () => {
  test('is a PostgreSQL server, not a web page: ok, with the psql command', async () => {
    if (!requireOrSkip(hasPostgres, 'PostgreSQL 15 (Debian package postgresql)')) return;
    const { port } = await startPostgres();
    const { d, ms } = await run(`127.0.0.1:${port}`);
    expect(application(d)).toMatchObject({ kind: 'banner', protocol: 'PostgreSQL' });
    expect(ids(d)).not.toContain('closed');
    expect(severities(d).filter((s) => s.endsWith(':error'))).toEqual([]);
    const f = d.findings.find((x) => x.id === 'not-http')!;
    expect(f.severity).toBe('ok');
    expect(f.title).toBe(`127.0.0.1:${port} is a PostgreSQL server, not a web page`);
    expect(f.fixes[0]!.command).toBe(`psql -h 127.0.0.1 -p ${port}`);
    expect(d.summary.headline).toBe(`127.0.0.1:${port} is a PostgreSQL server, not a web page`);
    expect(ms).toBeLessThan(QUICK_MS);
  });

  test('is recognised without knowing its owner, from its answer to an SSLRequest', async () => {
    if (!requireOrSkip(hasPostgres, 'PostgreSQL 15 (Debian package postgresql)')) return;
    const { port } = await startPostgres();
    const app = await probeApplication('127.0.0.1', port, { hostHeader: `127.0.0.1:${port}`, path: '/' });
    expect(app).toMatchObject({ kind: 'banner', protocol: 'PostgreSQL', banner: 'N' });
  });
});

describe('a server that accepts exactly one connection (nc -l)', () => {
  test('is open and silent, not reset: the connect and the application probe share one connection', async () => {
    if (!requireOrSkip(hasNc, 'nc (Debian package netcat-openbsd)')) return;
    const { port } = await startNcOnce();
    const { d } = await run(`127.0.0.1:${port}`);
    expect(attempts(d)).toEqual([expect.objectContaining({ address: '127.0.0.1', outcome: 'open' })]);
    expect(application(d)).toMatchObject({ kind: 'no-response' });
    expect(ids(d)).toContain('no-response');
    expect(ids(d)).not.toContain('reset');
  });
});
