/**
 * The Monitor step over time in Chromium: the port's timeline from recorded history (seeded into the app's
 * DATA_DIR before it starts), "Watch this address", the chart drawn from real samples, and a watch that goes
 * down when the real server stops — the timeline says "down" and the tab title changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort, repoRoot, startApp, type RunningApp } from '../support/app-server';
import { startChildHttpServer, type ChildServer } from '../support/child-server';
import { chromiumAvailable, diagnosePath, openBrowser, screenshot, type Browser } from './support/browser';

let ready = false;
let app: RunningApp | undefined;
let browser: Browser | undefined;
let server: ChildServer | undefined;
let port = 0;
const dataDir = mkdtempSync(join(tmpdir(), 'ld-e2e-monitor-'));

beforeAll(async () => {
  ready = chromiumAvailable();
  if (!ready) return;
  port = await freePort();
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const event = {
    protocol: 'tcp' as const,
    address: '127.0.0.1',
    port,
    family: 'IPv4' as const,
    cwd: '/srv/app',
    user: 'dev',
    startedAt: minutesAgo(31),
  };
  const events = [
    {
      ...event,
      at: minutesAgo(30),
      kind: 'opened',
      pid: 4101,
      process: 'vite',
      command: `vite --port ${port}`,
    },
    {
      ...event,
      at: minutesAgo(20),
      kind: 'closed',
      pid: 4101,
      process: 'vite',
      command: `vite --port ${port}`,
    },
  ];
  const seeded = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--conditions=react-server',
      join(__dirname, 'support', 'seed-history.ts'),
      JSON.stringify(events),
    ],
    { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
  [app, browser, server] = await Promise.all([
    startApp({ DATA_DIR: dataDir }, 180_000),
    openBrowser(),
    startChildHttpServer({ port, title: 'Watched App' }),
  ]);
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('timeline from history, a watch with its chart, and the watch going down when the server stops', async () => {
  if (!ready) return;
  const page = browser!.page;
  await page.goto(app!.url + diagnosePath(`127.0.0.1:${port}`));
  const monitor = page.getByRole('region', { name: /Monitor/ });
  const timeline = monitor.getByRole('list', { name: 'Timeline' });
  await timeline.getByText('Closed: vite (pid 4101) on 127.0.0.1').waitFor({ timeout: 30_000 });
  await timeline.getByText('Opened by vite (pid 4101) on 127.0.0.1').waitFor();

  await monitor.getByRole('button', { name: 'Watch this address' }).click();
  const state = monitor.getByTestId('watch-state');
  await state.and(page.locator('[data-state="up"]')).waitFor({ timeout: 20_000 });
  await timeline.getByText('Watch: up').waitFor({ timeout: 20_000 });
  expect(await page.title()).toBe(`▲ up · 127.0.0.1:${port}`);

  // The chart: uPlot's canvas with a real size, drawn from the samples the API returned.
  const chart = monitor.getByTestId('samples-chart');
  await chart.locator('canvas').waitFor({ timeout: 20_000 });
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="samples-chart"]')?.getAttribute('data-points')) >= 2,
    undefined,
    { timeout: 20_000 },
  );
  const size = await chart
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
  expect(size.w).toBeGreaterThan(100);
  expect(size.h).toBeGreaterThan(100);
  const legend = await chart.locator('.u-legend').innerText();
  expect(legend).toContain('connect (ms)');
  expect(legend).toContain('ESTABLISHED');
  await screenshot(page, 'monitor-watch-up');

  await server!.stop();
  await state.and(page.locator('[data-state="down"]')).waitFor({ timeout: 30_000 });
  await timeline.getByText('Watch: down — ECONNREFUSED on 127.0.0.1').waitFor({ timeout: 20_000 });
  await page.waitForFunction((p) => document.title === `▼ down · 127.0.0.1:${p}`, port, { timeout: 10_000 });
  await screenshot(page, 'monitor-watch-down');
}, 120_000);
