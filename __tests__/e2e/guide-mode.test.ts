import { freePort } from '../support/app-server';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();

test('guide mode walks Start → Open → Monitor → Fix on real facts; Next waits for the server; a reload resumes the step', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const port = await freePort(); // proven free by binding it
  await page.goto(app.url + diagnosePath(`127.0.0.1:${port}`));

  const bar = page.getByRole('region', { name: 'Troubleshooting session' });
  await bar.getByText(/^Session [0-9a-f]{6}$/).waitFor();
  await page.waitForURL(/[?&]session=[0-9a-f-]{36}/);
  const sessionId = new URL(page.url()).searchParams.get('session')!;
  expect(await bar.textContent()).toContain(`Session ${sessionId.slice(0, 6)}`);
  expect(await bar.textContent()).toMatch(/started \d\d:\d\d/);

  await bar.getByRole('button', { name: 'Guide mode' }).click();
  const guide = page.getByTestId('guide');
  await guide.getByRole('heading', { name: /Start the service/ }).waitFor();
  expect(await guide.textContent()).toContain('step 1 of 4');
  expect(await guide.getByTestId('guide-say').textContent()).toBe(
    `Ask them to run ss -ltnp 'sport = :${port}'; it should show their server, and right now nothing listens on port ${port}.`,
  );
  const next = guide.getByRole('button', { name: /^Next:/ });
  expect(await next.isDisabled()).toBe(true);
  await screenshot(page, 'guide-start-waiting');

  // The person starts their server: the wizard notices, re-diagnoses, and the step holds.
  const server = await e2e.server({ port, title: 'Guided App' });
  await guide
    .getByTestId('guide-say')
    .filter({ hasText: `it should show node on 127.0.0.1:${port}.` })
    .waitFor({ timeout: 20_000 });
  await next.waitFor();
  expect(await next.isEnabled()).toBe(true);
  await next.click();
  await guide.getByRole('heading', { name: /Open the address/ }).waitFor();
  expect(await guide.getByTestId('guide-say').textContent()).toContain(`HTTP 200 “Guided App”`);

  // A reload resumes on the same step: progress is in the session, guide mode in the URL.
  await page.waitForTimeout(500); // the guide-step POST is sent with keepalive; give it a moment under load
  await page.reload();
  await page
    .getByTestId('guide')
    .getByRole('heading', { name: /Open the address/ })
    .waitFor({ timeout: 20_000 });
  expect(new URL(page.url()).searchParams.get('session')).toBe(sessionId);
  expect(await page.getByTestId('guide').textContent()).toContain('step 2 of 4');

  for (const title of ['Monitor', 'Fix']) {
    await page
      .getByTestId('guide')
      .getByRole('button', { name: `Next: ${title}` })
      .click();
    await page
      .getByTestId('guide')
      .getByRole('heading', { name: new RegExp(title) })
      .waitFor();
  }
  expect(await page.getByTestId('guide').textContent()).toContain('step 4 of 4');
  expect(
    await page
      .getByTestId('guide')
      .getByRole('button', { name: /^Next:/ })
      .count(),
  ).toBe(0);
  await screenshot(page, 'guide-fix');

  // The timeline has the steps taken and the change the server made.
  await page.goto(`${app.url}/sessions/${sessionId}`);
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  const diff = page.getByTestId('diff').filter({ hasText: 'no-listener → http-ok after you started' });
  await diff.first().waitFor();
  expect(await diff.first().textContent()).toContain('node');
  for (const step of ['Open the address', 'Monitor', 'Fix'])
    await page
      .locator('li[data-kind="action"]')
      .filter({ hasText: `guide: ${step}` })
      .first()
      .waitFor();
  await screenshot(page, 'guide-timeline');
  await server.stop();
});
