// docs/security.md rule 10 in a real browser: a page on another origin sets location.href to the doctor's
// /diagnose/<a local service with a path of its choosing>. The page opens, shows the target and waits for
// its user's click: the local service sees nothing until then. The same URL opened directly probes at once.
import http from 'node:http';
import net from 'node:net';
import { requireOrSkip } from '../support/requirements';
import { cleanupAll, startHttpServer } from '../support/servers';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';
import { recordWire, type Wire } from './support/wire';

/** Another loopback address is another site; another port of 127.0.0.1 is the same site, another origin. */
const CROSS_SITE_HOST = '127.0.0.2';
const SETTLE_MS = 3_000;
const CONFIRM_HEADING = /You were sent here from another site: diagnose/;

function canListenOn(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, host, () => s.close(() => resolve(true)));
  });
}

const e2e = e2eSession({
  requires: async () =>
    requireOrSkip(await canListenOn(CROSS_SITE_HOST), `a second loopback address (${CROSS_SITE_HOST})`),
});

// The local service the attacker aims at: it records every connection and every request path.
let connections = 0;
const paths: string[] = [];
let victim: http.Server | undefined;
let victimPort = 0;
const attackers: Record<'same-site' | 'cross-site', string> = { 'same-site': '', 'cross-site': '' };
let attackerScript = '';

beforeAll(async () => {
  if (!e2e.ready) return;
  victim = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    res.end('<title>admin</title>');
  });
  victim.on('connection', () => connections++);
  await new Promise<void>((r) => victim!.listen(0, '127.0.0.1', r));
  victimPort = (victim.address() as net.AddressInfo).port;
  const page = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><title>Free cat pictures</title><script>${attackerScript}</script>`);
  };
  attackers['same-site'] = `http://127.0.0.1:${(await startHttpServer(page)).port}`;
  attackers['cross-site'] =
    `http://${CROSS_SITE_HOST}:${(await startHttpServer(page, CROSS_SITE_HOST)).port}`;
});
afterAll(async () => {
  await cleanupAll();
  await new Promise((r) => (victim ? victim.close(r) : r(undefined)));
});

async function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
const apiCalls = (wire: Wire) => wire.requests().filter((r) => /^https?:\/\/[^/]+\/api\//.test(r.url));
const documents = (wire: Wire, url: string) => wire.find('GET', url).filter((r) => r.type === 'Document');

describe.each(['same-site', 'cross-site'] as const)('a %s page navigates to a diagnosis', (site) => {
  test('the page shows the target and waits for a click; only the click probes', async () => {
    if (!e2e.ready) return;
    const { page, app } = e2e;
    const target = `127.0.0.1:${victimPort}/admin/delete-all?confirm=yes`;
    const doctorUrl = app.url + diagnosePath(target);
    attackerScript = `location.href = ${JSON.stringify(doctorUrl)};`;
    connections = 0;
    paths.length = 0;

    const wire = await recordWire(page);
    try {
      await page.goto(`${attackers[site]}/`);
      await page.waitForURL(doctorUrl);
      const heading = page.getByRole('heading', { level: 1, name: CONFIRM_HEADING });
      await heading.waitFor();
      expect(await page.getByTestId('foreign-target').textContent()).toBe(target);
      await settle();
      await screenshot(page, `foreign-navigation-${site}`);
      // Chromium really told the app where the navigation came from…
      expect(documents(wire, doctorUrl)[0]?.sent?.['sec-fetch-site']).toBe(site);
      // …and nothing was asked or probed while the page waited.
      expect(apiCalls(wire).map((r) => r.url)).toEqual([]);
      expect({ connections, paths }).toEqual({ connections: 0, paths: [] });

      await page.getByRole('button', { name: 'Diagnose this address' }).click();
      await until(
        'the probe the user asked for',
        () => paths.includes('/admin/delete-all?confirm=yes'),
        20_000,
      );
      await page
        .getByRole('heading', { level: 1, name: /works|answers|127\.0\.0\.1/ })
        .first()
        .waitFor();
      expect(await heading.count()).toBe(0);
    } finally {
      await wire.stop();
    }
  });
});

test('a reload of the waiting page is the user’s own act: Chromium sends Sec-Fetch-Site: same-origin, and it probes', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const target = `127.0.0.1:${victimPort}/after-reload`;
  const doctorUrl = app.url + diagnosePath(target);
  attackerScript = `location.href = ${JSON.stringify(doctorUrl)};`;
  connections = 0;
  paths.length = 0;
  const wire = await recordWire(page);
  try {
    await page.goto(`${attackers['cross-site']}/`);
    await page.waitForURL(doctorUrl);
    await page.getByRole('heading', { level: 1, name: CONFIRM_HEADING }).waitFor();
    expect({ connections, paths }).toEqual({ connections: 0, paths: [] });
    // Only the person at the keyboard can reload (the other site's page is gone; the doctor's pages never
    // reload themselves). Chromium sends a reload as the page's own navigation (same-origin), which the
    // server cannot tell from the app's own links: measured here so a change in Chromium shows up.
    await page.reload();
    await until('the probe after the reload', () => paths.includes('/after-reload'), 20_000);
    expect(documents(wire, doctorUrl).map((d) => d.sent?.['sec-fetch-site'])).toEqual([
      'cross-site',
      'same-origin',
    ]);
  } finally {
    await wire.stop();
  }
});

test('control: the same URL opened directly (typed, bookmarked) probes at once, no question asked', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const target = `127.0.0.1:${victimPort}/admin/delete-all?confirm=yes`;
  connections = 0;
  paths.length = 0;
  const wire = await recordWire(page);
  try {
    await page.goto(app.url + diagnosePath(target));
    await until(
      'the probe of a directly opened diagnosis',
      () => paths.includes('/admin/delete-all?confirm=yes'),
      20_000,
    );
    expect(documents(wire, app.url + diagnosePath(target))[0]?.sent?.['sec-fetch-site']).toBe('none');
    expect(await page.getByRole('heading', { level: 1, name: CONFIRM_HEADING }).count()).toBe(0);
  } finally {
    await wire.stop();
  }
});
