/**
 * The HTML case file as someone receives it: saved to disk and opened in Chromium from file:// with every
 * request refused. It shows the headline and the findings, and asks for nothing — no script, no image,
 * no font, no style sheet. Then the import page: a pasted case file opens its session; a broken one says why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rawRequest } from '../support/app-server';
import { diagnosed } from '../app/cases-support';
import { openStore } from '@/lib/store/open-store';
import { appendSessionEntry, createSession } from '@/lib/store/sessions';
import { recordWire } from './support/wire';
import { screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A session with one real diagnosis, written into the running app's own store. */
async function sessionOf(target: string): Promise<string> {
  const diagnosis = await diagnosed(target);
  const opened = openStore({ dataDir: e2e.app.dataDir, log: { warn: () => {} } });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  try {
    const session = createSession(opened.db, { target });
    appendSessionEntry(opened.db, {
      sessionId: session.id,
      kind: 'diagnosis',
      payload: { intent: 'reach', diagnosis },
    });
    return session.id;
  } finally {
    opened.db.close();
  }
}

const report = async (id: string, format: string) =>
  (
    await rawRequest(`${e2e.app.url}/api/sessions/${id}/report?format=${format}`, {
      headers: { host: `127.0.0.1:${e2e.app.port}` },
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

  const { page } = e2e;
  const refused: string[] = [];
  await page.context().route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
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
    // Styles are inline and applied: the CSP allows them and nothing else.
    expect(await headline.evaluate((el) => getComputedStyle(el).fontSize)).not.toBe('');
    await page.waitForTimeout(1000);
    await screenshot(page, 'case-file-html-offline');
    expect(refused).toEqual([]);
    expect(wire.requests().filter((r) => r.url !== url)).toEqual([]);
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
