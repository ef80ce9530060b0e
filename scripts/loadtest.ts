/**
 * `npm run loadtest`: 64 connections for 30 s against /api/diagnose of a real local HTTP server, through the
 * real production app. Prints requests/s, latency p50/p99, errors, status codes (429 is the designed answer
 * past the rate limit), and the app server's memory before and after. Loopback only; stops by itself.
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..');
const DURATION_S = Number(process.env.LOADTEST_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 64);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function rssMiB(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : NaN;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise<boolean>((r) =>
      http.get(url, (res) => (res.resume(), r(true))).on('error', () => r(false)),
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer in ${timeoutMs} ms`);
}

async function main(): Promise<void> {
  if (!existsSync(join(root, '.next', 'BUILD_ID')))
    throw new Error('No production build: run `npx next build` (or `npm start` once) first.');
  const target = http
    .createServer((_, res) => res.end('<!doctype html><title>load target</title>ok'))
    .listen(0, '127.0.0.1');
  await new Promise((r) => target.once('listening', r));
  const targetPort = (target.address() as net.AddressInfo).port;
  const port = await freePort();
  const app = spawn(
    process.execPath,
    [
      join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    {
      cwd: root,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/listeners?port=1`, 30_000);
    const path = `/api/diagnose?target=127.0.0.1:${targetPort}`;
    // Warm-up at full load first: V8 and Next size their heaps and caches on the first burst, which is not a leak.
    const warmUpS = Number(process.env.LOADTEST_WARMUP_SECONDS ?? 10);
    await autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration: warmUpS, timeout: 15 });
    await new Promise((r) => setTimeout(r, 2000));
    const before = rssMiB(app.pid!);
    console.log(
      `Load: ${CONNECTIONS} connections for ${DURATION_S} s → GET ${path} (app pid ${app.pid}, RSS ${before.toFixed(1)} MiB after a ${warmUpS} s warm-up)`,
    );
    const result = await autocannon({
      url: `${base}${path}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 15,
    });
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMiB(app.pid!);
    const codes = Object.entries(result.statusCodeStats ?? {}).map(
      ([code, s]) => `${code}: ${(s as { count: number }).count}`,
    );
    const unexpected = Object.entries(result.statusCodeStats ?? {}).filter(
      ([code]) => code !== '200' && code !== '429',
    );
    console.log(`requests/s (mean)    ${result.requests.average.toFixed(1)}`);
    console.log(`latency p50 / p99    ${result.latency.p50} ms / ${result.latency.p99} ms`);
    console.log(`status codes         ${codes.join(', ')}`);
    console.log(`errors / timeouts    ${result.errors} / ${result.timeouts}`);
    console.log(
      `app RSS before/after ${before.toFixed(1)} MiB → ${after.toFixed(1)} MiB (growth ${(after - before).toFixed(1)} MiB)`,
    );
    const ok = result.errors === 0 && result.timeouts === 0 && unexpected.length === 0 && after - before < 50;
    console.log(
      ok ? 'PASS: no errors other than designed 429s, memory growth under 50 MB' : 'FAIL: see above',
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    const gone = new Promise((r) => app.once('exit', r));
    process.kill(app.pid!, 'SIGTERM');
    await gone;
    target.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
