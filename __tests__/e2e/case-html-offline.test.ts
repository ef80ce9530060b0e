/**
 * The HTML case file as someone receives it: saved to disk and opened in Chromium from file:// with every
 * request refused. It shows the headline and the findings, and asks for nothing — no script, no image,
 * no font, no style sheet. Then the import page: a pasted case file opens its session; a broken one says why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, rawRequest } from '../support/app-server';
import Database from 'better-sqlite3';
import { migrate } from '@/lib/store/migrations';
import { appendSessionEntry, createSession } from '@/lib/store/sessions';
import { recordWire } from './support/wire';
import { screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const host = () => ({ host: `127.0.0.1:${e2e.app.port}` });

/**
 * A session holding the app's own diagnosis of the target (GET /api/diagnose), written into the running
 * app's store with the store's functions: the session routes are another part's and not needed here.
 */
async function sessionOf(target: string): Promise<string> {
  const res = await rawRequest(`${e2e.app.url}/api/diagnose?target=${encodeURIComponent(target)}`, {
    headers: host(),
  });
  if (res.status !== 200) throw new Error(`diagnose answered ${res.status}: ${res.body}`);
  const db = new Database(join(e2e.app.dataDir, 'history.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    migrate(db);
    const session = createSession(db, { target });
    appendSessionEntry(db, {
      sessionId: session.id,
      kind: 'diagnosis',
      payload: { intent: 'reach', diagnosis: JSON.parse(res.body) },
    });
    return session.id;
  } finally {
    db.close();
  }
}

const report = async (id: string, format: string) =>
  (
    await rawRequest(`${e2e.app.url}/api/sessions/${id}/report?format=${format}`, {
      headers: host(),
    })
  ).body;

test('the HTML case file opened from disk, network refused, renders headline and findings and requests nothing', async () => {
  if (!e2e.ready) return;
  const server = await e2e.server({ title: 'Case Shop' });
  const id = await sessionOf(`127.0.0.1:${server.port}`);
  const dir = mkdtempSync(join(tmpdir(), 'ld-case-html-'));
  dirs.push(dir);
  const file = join(dir, 'case.html');
  writeFileSync(file, await report(id, 'html'));
  const url = pathToFileURL(file).href;
  const control = join(dir, 'control.html');
  const pages = new Set([url, pathToFileURL(control).href]);

  const { page } = e2e;
  const refused: string[] = [];
  await page.context().route('**/*', (route) => {
    if (pages.has(route.request().url())) return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  const wire = await recordWire(page);
  try {
    await page.goto(url);
    const headline = page.locator('[data-case="headline"]');
    await headline.waitFor();
    expect(await headline.textContent()).toContain(`127.0.0.1:${server.port} answers: 200`);
    for (const finding of ['listening', 'http-ok'])
      expect(await page.locator(`[data-finding="${finding}"]`).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /is listening on port/ }).count()).toBe(1);
    // The inline style sheet applies (the CSP allows it and nothing else): 60rem of 16px.
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('960px');
    await page.waitForTimeout(1000);
    await screenshot(page, 'case-file-html-offline');
    expect(refused).toEqual([]);
    expect(wire.requests().filter((r) => !pages.has(r.url))).toEqual([]);

    // Control: the same counting sees a request when a page from disk does make one (a port proven free,
    // and the route aborts it before anything is sent).
    const port = await freePort();
    writeFileSync(control, `<!doctype html><p>control</p><img src="http://127.0.0.1:${port}/x.png">`);
    await page.goto(pathToFileURL(control).href);
    await page.getByText('control').waitFor();
    for (let i = 0; i < 100 && refused.length === 0; i++) await page.waitForTimeout(100);
    expect(refused[0]).toBe(`http://127.0.0.1:${port}/x.png`);
  } finally {
    await wire.stop();
    await page.context().unroute('**/*');
  }
});

test('the import page explains a pasted file it cannot open, and opens a dropped case file as its session', async () => {
  if (!e2e.ready) return;
  const server = await e2e.server({ title: 'Import Shop' });
  const id = await sessionOf(`127.0.0.1:${server.port}`);
  const json = await report(id, 'json');
  const { page, app } = e2e;

  await page.goto(`${app.url}/cases/import`);
  const box = page.getByRole('textbox', { name: 'Case file (JSON)' });
  await box.fill(JSON.stringify({ ...JSON.parse(json), schemaVersion: 9 }));
  await page.getByRole('button', { name: 'Open case file' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'made by a newer Localhost Doctor (version 9); update to open it' })
    .waitFor();
  await screenshot(page, 'case-import-newer');

  // Dropped as a file, the way it arrives from a mail or a chat.
  const dropped = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'localhost-doctor-case.json', { type: 'application/json' }));
    return transfer;
  }, json);
  await page.dispatchEvent('[data-testid="case-drop-zone"]', 'drop', { dataTransfer: dropped });
  await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(id);
});
