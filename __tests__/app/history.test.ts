/** GET /api/history against the real app: validation, the contract's shape, and a paused store (never a 5xx). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { program, type Program } from '@/__tests__/support/history-program';

let app: RunningApp | undefined;
let shop: Program | undefined;
afterEach(async () => {
  await app?.stop();
  await shop?.cleanup();
  app = shop = undefined;
});

interface Body {
  port: number;
  events: { kind: string; at: string }[];
  error: { code: string; message: string };
  findings: { id: string; severity: string; title: string; detail: string }[];
}

async function get(path: string): Promise<{ status: number; body: Body }> {
  const res = await rawRequest(`${app!.url}${path}`, { headers: { host: `127.0.0.1:${app!.port}` } });
  return { status: res.status, body: JSON.parse(res.body) };
}

async function eventually<T>(read: () => Promise<T | undefined>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('bad parameters are 400 with a sentence: a port in decimal digits only, an ISO since, a limit of 1–1000', async () => {
  app = await startApp({ HISTORY_SAMPLE_MS: '200' });
  for (const query of [
    '',
    '?port=1e3',
    '?port=0x50',
    '?port=0',
    '?port=65536',
    '?port=80&since=yesterday',
    '?port=80&since=2026-13-01T00:00:00Z',
    '?port=80&limit=0',
    '?port=80&limit=1001',
    '?port=80&limit=ten',
  ]) {
    const res = await get(`/api/history${query}`);
    expect({ query, status: res.status, code: res.body.error?.code }).toEqual({
      query,
      status: 400,
      code: 'invalid-input',
    });
    expect(res.body.error.message.length).toBeGreaterThan(10);
  }
}, 90_000);

test('a real server the app saw start is an opened event in exactly the contract’s shape, newest first', async () => {
  app = await startApp({ HISTORY_SAMPLE_MS: '200' });
  shop = program();
  const port = await freePort();
  const before = new Date().toISOString();
  await shop.start(port);
  const pid = shop.pid();
  const first = await eventually(async () => {
    const { body } = await get(`/api/history?port=${port}`);
    return body.events.length > 0 ? body : undefined;
  }, 'the opened event');
  expect(first).toEqual({
    port,
    events: [
      {
        at: expect.any(String),
        kind: 'opened',
        protocol: 'tcp',
        address: '127.0.0.1',
        port,
        family: 'IPv4',
        pid,
        process: 'node',
        command: `${process.execPath} server.js ${port}`,
        cwd: shop.dir,
        user: expect.any(String),
        startedAt: expect.any(String),
      },
    ],
  });
  expect(Date.parse(first.events[0]!.at)).toBeGreaterThanOrEqual(Date.parse(before) - 1000);
  await shop.stop();
  const both = await eventually(async () => {
    const { body } = await get(`/api/history?port=${port}&since=${encodeURIComponent(before)}`);
    return body.events.length === 2 ? body : undefined;
  }, 'the closed event');
  expect(both.events.map((e) => e.kind)).toEqual(['closed', 'opened']);
  const limited = await get(`/api/history?port=${port}&limit=1`);
  expect(limited.body.events.map((e) => e.kind)).toEqual(['closed']);
  const later = await get(`/api/history?port=${port}&since=2999-01-01T00:00:00Z`);
  expect(later.body).toEqual({ port, events: [] });
}, 120_000);

test('a DATA_DIR that cannot be used answers 200 with why, and the diagnosis says recording is paused', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'ld-history-blocked-'));
  const blocker = join(parent, 'a-file');
  writeFileSync(blocker, 'not a directory');
  try {
    app = await startApp({ DATA_DIR: join(blocker, 'store'), HISTORY_SAMPLE_MS: '200' });
    const res = await get('/api/history?port=3000');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      port: 3000,
      events: [],
      unavailable: {
        reason: expect.stringContaining('not a directory'),
        since: expect.any(String),
        retryAt: expect.any(String),
      },
    });
    const port = await freePort();
    const d = await get(`/api/diagnose?target=127.0.0.1:${port}`);
    expect(d.status).toBe(200);
    const paused = d.body.findings.find((f) => f.id === 'history-unavailable')!;
    expect(paused).toMatchObject({ severity: 'info', title: 'History recording is paused' });
    expect(paused.detail).toContain(join(blocker, 'store'));
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}, 90_000);
