/**
 * /metrics and /probe against the real app started with ACCESS_TOKEN (as a central Prometheus would scrape it):
 * the bearer token, the Host and cross-site checks, the text parsed by a real parser and by promtool.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { freePort, rawRequest, repoRoot, startApp, type RunningApp } from '../support/app-server';
import { startChildHttpServer, type ChildServer } from '../support/child-server';
import { requireOrSkip } from '../support/requirements';

const TOKEN = 'scrape-token-0123456789abcdef';
const PROMTOOL = '/usr/bin/promtool';
let app: RunningApp;
let server: ChildServer;
beforeAll(async () => {
  [app, server] = await Promise.all([
    startApp({ ACCESS_TOKEN: TOKEN }, 120_000),
    startChildHttpServer({ status: 200 }),
  ]);
}, 150_000);
afterAll(async () => {
  await server?.stop();
  await app?.stop();
});

const bearer = { authorization: `Bearer ${TOKEN}` };
const get = (path: string, headers: Record<string, string> = bearer) =>
  rawRequest(`${app.url}${path}`, { headers });
const family = (parsed: ParsedFamily[], name: string) => parsed.find((f) => f.name === name);

async function watchUntilSampled(target: string): Promise<void> {
  const r = await rawRequest(`${app.url}/api/watches`, {
    method: 'POST',
    headers: { ...bearer, origin: app.url, 'content-type': 'application/json' },
    body: JSON.stringify({ target, intervalSeconds: 1 }),
  });
  expect(r.status).toBe(201);
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const { watches } = JSON.parse((await get('/api/watches')).body);
    if (watches.some((w: { target: string; lastSample: unknown }) => w.target === target && w.lastSample))
      return;
    await new Promise((res) => setTimeout(res, 300));
  }
  throw new Error(`no sample of ${target}`);
}

it('without the token /metrics and /probe are 401; a foreign Host or a cross-site page is 403 even with it', async () => {
  for (const path of ['/metrics', `/probe?target=127.0.0.1:${server.port}`]) {
    expect((await get(path, {})).status).toBe(401);
    expect((await get(path, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    const rebinding = await get(path, { ...bearer, host: 'evil.example' });
    expect([rebinding.status, JSON.parse(rebinding.body).error.code]).toEqual([403, 'host-not-allowed']);
    const crossSite = await get(path, { ...bearer, 'sec-fetch-site': 'cross-site' });
    expect([crossSite.status, JSON.parse(crossSite.body).error.code]).toEqual([403, 'cross-site-request']);
  }
});

it('/metrics: listeners by port/process, each watch under blackbox names labelled target, process metrics', async () => {
  const target = `127.0.0.1:${server.port}`;
  await watchUntilSampled(target);
  const r = await get('/metrics');
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  const parsed = parsePrometheusTextFormat(r.body);

  const listeners = family(parsed, 'localhost_doctor_listeners')!;
  expect(listeners.type).toBe('GAUGE');
  expect(listeners.metrics).toContainEqual({
    value: '1',
    labels: {
      port: String(server.port),
      address: '127.0.0.1',
      family: 'IPv4',
      process: 'node',
      protocol: 'tcp',
    },
  });
  expect(family(parsed, 'probe_success')!.metrics).toContainEqual({ value: '1', labels: { target } });
  expect(family(parsed, 'probe_http_status_code')!.metrics).toContainEqual({
    value: '200',
    labels: { target },
  });
  const phases = family(parsed, 'probe_http_duration_seconds')!.metrics.filter(
    (m) => m.labels?.target === target,
  );
  expect(phases.map((m) => m.labels!.phase).sort()).toEqual(['connect', 'processing']);
  const duration = family(parsed, 'probe_duration_seconds')!.metrics.find(
    (m) => m.labels?.target === target,
  )!;
  expect(Number(duration.value)).toBeGreaterThan(0);
  expect(Number(duration.value)).toBeLessThan(10);
  expect(family(parsed, 'process_cpu_user_seconds_total')?.type).toBe('COUNTER');
  expect(family(parsed, 'nodejs_eventloop_lag_seconds')).toBeDefined();

  if (!requireOrSkip(existsSync(PROMTOOL), `promtool at ${PROMTOOL} (apt-get install -y prometheus)`)) return;
  // promtool's own parser and linter read the exposition from stdin.
  const checked = spawnSync(PROMTOOL, ['check', 'metrics'], { input: r.body, encoding: 'utf8' });
  // It parses (a parse error is exit 1); the linter's only complaints are about three of prom-client's own
  // default gauges (nodejs_active_*_total), none about this app's metrics.
  const complaints = `${checked.stdout}${checked.stderr}`.split('\n').filter((l) => l.trim() !== '');
  expect(checked.status === 0 || checked.status === 3).toBe(true);
  expect(complaints.length).toBeLessThanOrEqual(3);
  for (const line of complaints) expect(line).toMatch(/^nodejs_active_(handles|requests|resources)_total /);
}, 60_000);

it('/probe answers like blackbox_exporter: one probe, no target label; a closed port is probe_success 0', async () => {
  const up = await get(`/probe?target=${encodeURIComponent(`localhost:${server.port}`)}`);
  expect(up.status).toBe(200);
  expect(up.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  const parsed = parsePrometheusTextFormat(up.body);
  expect(family(parsed, 'probe_success')!.metrics).toEqual([{ value: '1' }]);
  expect(family(parsed, 'probe_http_status_code')!.metrics).toEqual([{ value: '200' }]);
  expect(family(parsed, 'localhost_doctor_listeners')).toBeUndefined();

  const closed = await freePort();
  const down = parsePrometheusTextFormat((await get(`/probe?target=127.0.0.1:${closed}`)).body);
  expect(family(down, 'probe_success')!.metrics).toEqual([{ value: '0' }]);
  expect(family(down, 'probe_http_status_code')!.metrics).toEqual([{ value: '0' }]);
});

it('/probe of a target the policy refuses is a 4xx, not a probe_success 0', async () => {
  const refused = await get('/probe?target=10.1.2.3:80');
  expect([refused.status, JSON.parse(refused.body).error.code]).toEqual([403, 'target-not-allowed']);
  expect((await get('/probe')).status).toBe(400);
  expect((await get('/probe?target=a;id;.localhost:7001')).status).toBe(400);
});

it("the README's scrape config (docs/prometheus.yml) passes promtool check config", () => {
  // The README quotes the file whole, so what a reader copies is what promtool checked.
  expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(
    readFileSync(join(repoRoot, 'docs', 'prometheus.yml'), 'utf8'),
  );
  if (!requireOrSkip(existsSync(PROMTOOL), `promtool at ${PROMTOOL} (apt-get install -y prometheus)`)) return;
  const dir = mkdtempSync(join(tmpdir(), 'ld-prom-'));
  try {
    copyFileSync(join(repoRoot, 'docs', 'prometheus.yml'), join(dir, 'prometheus.yml'));
    writeFileSync(join(dir, 'localhost-doctor.token'), `${TOKEN}\n`);
    const r = spawnSync(PROMTOOL, ['check', 'config', join(dir, 'prometheus.yml')], { encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('is valid prometheus config file syntax');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
