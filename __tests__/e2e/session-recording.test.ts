import { freePort } from '../support/app-server';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();

test('Record, a server starts and stops, Stop: the session shows both events with its pid and the diff of the two snapshots', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const port = await freePort(); // proven free by binding it
  await page.goto(app.url + diagnosePath(`127.0.0.1:${port}`));
  const bar = page.getByRole('region', { name: 'Troubleshooting session' });
  await bar.getByRole('button', { name: 'Record' }).click();
  await bar.getByText(/Recording since/).waitFor();

  // A copied fix is part of what was tried.
  await page
    .getByRole('region', { name: /Start the service/ })
    .getByRole('button', { name: /^Copy/ })
    .first()
    .click();

  const server = await e2e.server({ port, title: 'Reproduced' });
  const start = page.getByRole('region', { name: /Start the service/ });
  await start
    .getByRole('heading', { name: `node (pid ${server.pid}) is listening on port ${port}` })
    .waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1500); // at least one more 1 s reading of the recording while it listens
  await server.stop();
  await page.getByTestId('waiting').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(1500);

  await bar.getByRole('button', { name: 'Stop' }).click();
  await bar.getByRole('button', { name: 'Record' }).waitFor({ timeout: 20_000 });
  await screenshot(page, 'session-recording-stopped');

  await bar.getByRole('link', { name: /^Session [0-9a-f]{6}$/ }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  const recording = page.getByTestId('recording-entry');
  await recording.waitFor();
  const text = (await recording.textContent()) ?? '';
  expect(text).toContain(`node (pid ${server.pid}) started listening on 127.0.0.1:${port}`);
  expect(text).toContain(`node (pid ${server.pid}) stopped listening on 127.0.0.1:${port}`);
  expect(text.indexOf('started listening')).toBeLessThan(text.indexOf('stopped listening'));
  // Nothing listens at either snapshot, but the second one remembers the server that came and went.
  expect(text).toContain('no-listener → was-listening');
  expect(text).toContain(`node (pid ${server.pid}, user`);
  expect(text).toContain(`listened on 127.0.0.1:${port} until`);
  expect(text).toMatch(/probes, [1-9]\d* answered/);

  // The diagnoses the wizard ran while the server came and went, with the change between them.
  await page
    .getByTestId('diff')
    .filter({ hasText: 'no-listener → http-ok after you started' })
    .first()
    .waitFor();
  await page
    .getByTestId('diff')
    .filter({ hasText: 'http-ok → was-listening after “node”' })
    .first()
    .waitFor();
  await page.locator('li[data-kind="copied"]').first().waitFor();
  // The export links point at the case-file route, whether or not it is built into this version.
  const md = await page.getByRole('link', { name: 'Markdown' }).getAttribute('href');
  expect(md).toBe(`/api/sessions/${new URL(page.url()).pathname.split('/')[2]}/report?format=md`);
  await screenshot(page, 'session-recording-timeline');
});
