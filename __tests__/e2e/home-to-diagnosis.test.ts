import { screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();

test('typing an address on the home page leads to its diagnosis, with the owner named', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const server = await e2e.server({ title: 'E2E Shop' });
  const target = `127.0.0.1:${server.port}`;
  await page.goto(`${app.url}/`);
  // The home page lists what listens right now, our server included, each a link to its diagnosis.
  await page.getByRole('link', { name: `Diagnose ${target}` }).waitFor();
  await screenshot(page, 'home');

  await page.getByRole('textbox', { name: 'What address are you trying to reach?' }).fill(target);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${app.url}/diagnose/${encodeURIComponent(target)}`);

  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'E2E Shop' }).waitFor();
  const start = page.getByRole('region', { name: /Start the service/ });
  await start
    .getByRole('heading', { name: `node (pid ${server.pid}) is listening on port ${server.port}` })
    .waitFor();
  expect(await start.textContent()).toContain(`pid ${server.pid}`);
  expect(await page.getByRole('link', { name: /Open in a new tab/ }).getAttribute('href')).toBe(
    `http://${target}/`,
  );
  await screenshot(page, 'diagnosis-http-server');
});
