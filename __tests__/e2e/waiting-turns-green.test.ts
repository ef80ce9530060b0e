import { freePort } from '../support/app-server';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();

test('a page opened on a free port waits, then turns green without a reload when a server starts there', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const port = await freePort(); // proven free by binding it
  await page.goto(app.url + diagnosePath(`127.0.0.1:${port}`));

  const waiting = page.getByTestId('waiting');
  await waiting.filter({ hasText: `Waiting for your service on port ${port}` }).waitFor();
  const start = page.getByRole('region', { name: /Start the service/ });
  await start.getByRole('img', { name: 'Start the service: Problem' }).waitFor();
  await screenshot(page, 'diagnosis-free-port-waiting');

  // Any navigation from here on would be a reload: count them, and leave a marker a reload would wipe.
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.evaluate(() => Object.assign(window, { __stillTheSamePage: true }));

  const server = await e2e.server({ port, title: 'Came Up Later' });

  await start.getByRole('img', { name: 'Start the service: OK' }).waitFor({ timeout: 20_000 });
  await waiting.waitFor({ state: 'detached' });
  await start
    .getByRole('heading', { name: `node (pid ${server.pid}) is listening on port ${port}` })
    .waitFor();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Came Up Later' }).waitFor();
  await page
    .getByRole('region', { name: /Monitor/ })
    .getByText(`node (pid ${server.pid}`)
    .first()
    .waitFor();

  expect(navigations).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __stillTheSamePage?: boolean }).__stillTheSamePage),
  ).toBe(true);
  await screenshot(page, 'diagnosis-free-port-turned-green');
});
