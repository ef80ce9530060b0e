import net from 'node:net';
import type { ChildServer } from '../support/child-server';
import { requireOrSkip } from '../support/requirements';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';

function ipv6Loopback(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => s.close(() => resolve(true)));
  });
}

const e2e = e2eSession({
  requires: async () => requireOrSkip(await ipv6Loopback(), 'an IPv6 loopback address (::1)'),
});
let server: ChildServer;

beforeAll(async () => {
  if (e2e.ready) server = await e2e.server({ host: '::1', title: 'Only On IPv6' });
});

test('a server on ::1 only, asked for as 127.0.0.1, is explained with both addresses named and the fix shown', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const { port } = server;
  await page.goto(app.url + diagnosePath(`127.0.0.1:${port}`));

  const start = page.getByRole('region', { name: /Start the service/ });
  const card = start.locator('article[data-finding="family-mismatch"]');
  await card.waitFor();
  const text = (await card.textContent()) ?? '';
  expect(text).toContain(`[::1]:${port}`);
  expect(text).toContain('127.0.0.1');
  // The fix: reach it where it is (or make it listen on both families).
  await card.getByText(`curl -v 'http://[::1]:${port}/'`).waitFor();

  const verdict = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  // Both addresses named (the engine words the headline; only the facts are pinned here).
  expect(verdict).toContain(`[::1]:${port}`);
  expect(verdict).toContain('127.0.0.1');
  // The connect attempt to 127.0.0.1 itself is shown as refused.
  await page.locator('tr[data-address="127.0.0.1"]').getByText('Refused').waitFor();
  await screenshot(page, 'diagnosis-ipv6-only-asked-as-127');
});

test('the finding links to its lesson, which shows this machine’s live values for that port', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const { port } = server;
  await page.goto(app.url + diagnosePath(`127.0.0.1:${port}`));
  const card = page
    .getByRole('region', { name: /Start the service/ })
    .locator('article[data-finding="family-mismatch"]');
  await card.getByRole('link', { name: 'What’s happening?' }).click();
  await page.waitForURL(`${app.url}/learn?port=${port}&host=127.0.0.1#loopback`);

  const lesson = page.getByRole('region', { name: 'Loopback: 127.0.0.1, localhost and ::1' });
  const live = lesson.getByRole('complementary');
  await live.getByText(/resolves to/).waitFor();
  // The port-ranges lesson speaks about this very port and this machine's ephemeral range.
  const ranges = page.getByRole('region', { name: /ephemeral ports/ }).getByRole('complementary');
  expect(await ranges.textContent()).toMatch(
    new RegExp(`Your ephemeral range is \\d+–\\d+ .*so ${port} is (inside|outside) it`),
  );
  await screenshot(page, 'learn-from-finding');
});
