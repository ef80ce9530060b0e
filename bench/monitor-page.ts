/**
 * The cost of one open Monitor page: the app server's CPU (its whole process tree, from /proc/<pid>/stat)
 * over 60 s with one watch running and no page open, then over 60 s with one Chromium tab on the diagnosis
 * page of the watched target (its polling: live port view, watches, samples, history). Goal: the page adds
 * ≤ 2 % of one core. Standalone: `npx tsx --conditions=react-server bench/monitor-page.ts` after `next build`.
 */
import { chromium } from 'playwright-core';
import { rawRequest, startApp } from '../__tests__/support/app-server';
import { startChildHttpServer } from '../__tests__/support/child-server';
import { CLK_TCK, treeTicks } from './tree-cpu';

const WINDOW_MS = Number(process.env.BENCH_MONITOR_MS ?? 60_000);

async function cpuOver(pid: number, ms: number): Promise<number> {
  const before = treeTicks(pid);
  await new Promise((r) => setTimeout(r, ms));
  return ((treeTicks(pid) - before) / CLK_TCK / (ms / 1000)) * 100;
}

async function main() {
  const [app, server] = await Promise.all([startApp({}, 180_000), startChildHttpServer()]);
  const target = `127.0.0.1:${server.port}`;
  try {
    await rawRequest(`${app.url}/api/watches`, {
      method: 'POST',
      headers: { origin: app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ target }),
    });
    await new Promise((r) => setTimeout(r, 10_000)); // start-up work settles
    const idle = await cpuOver(app.pid, WINDOW_MS);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const url = `${app.url}/diagnose/${encodeURIComponent(target)}`;
      // The same page with the Monitor's memory requests refused in the browser: what the live port view
      // (listeners + connections every 1.5 s, there before watches) costs on its own.
      const baseline = await browser.newPage();
      await baseline.route(/\/api\/(watches|history)/, (route) => route.abort());
      await baseline.goto(url);
      await baseline.getByRole('region', { name: /Monitor/ }).waitFor({ timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 5_000));
      const live = await cpuOver(app.pid, WINDOW_MS);
      await baseline.close();

      const page = await browser.newPage();
      await page.goto(url);
      await page.getByTestId('samples-chart').waitFor({ timeout: 60_000 });
      await new Promise((r) => setTimeout(r, 5_000));
      const open = await cpuOver(app.pid, WINDOW_MS);
      const row = (label: string, v: number) => console.log(`  ${label.padEnd(40)} ${v.toFixed(2)} %`);
      console.log(
        `Monitor page cost: app server CPU in % of one core over ${WINDOW_MS / 1000} s, one watch every 5 s`,
      );
      row('no page open', idle);
      row('page, live port view only', live);
      row('page with watches, chart and timeline', open);
      row('the whole page adds (goal <= 2 %)', open - idle);
      row("of which the Monitor's memory adds", open - live);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
    await app.stop();
  }
}

/** For bench/main.ts: awaited, so it never measures CPU while another bench runs. */
export default main;

if (require.main === module)
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
