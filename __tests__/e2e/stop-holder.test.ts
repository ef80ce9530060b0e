import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();

/** True while a process with this pid exists (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('stops the process that holds the port, after a confirmation, and the page shows the port free without a reload', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const server = await e2e.server({ title: 'Old Copy Of My App' });
  const { pid, port } = server;
  await page.goto(`${app.url}${diagnosePath(`127.0.0.1:${port}`)}?intent=start`);

  const start = page.getByRole('region', { name: /Start the service/ });
  await start.getByRole('heading', { name: `Port ${port} is already taken by node (pid ${pid})` }).waitFor();

  // Any navigation from here on would be a reload: count them, and leave a marker a reload would wipe.
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.evaluate(() => Object.assign(window, { __stillTheSamePage: true }));

  const stopButton = start.getByRole('button', { name: /^Stop this process/ });
  await screenshot(page, 'stop-holder-offer');
  await stopButton.click();
  const dialog = page.getByRole('dialog', { name: `Stop node (pid ${pid})?` });
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  expect(text).toContain(
    `Localhost Doctor sends SIGTERM (a polite request to exit) to pid ${pid} and waits up to 5 seconds. Unsaved work in that program may be lost.`,
  );
  // The child's real command line, read from the host: `node -e <script> 127.0.0.1 0 200 <title>`.
  expect(text).toContain('127.0.0.1 0 200 Old Copy Of My App');
  expect(text).toContain(String(port));
  // The real browser's modal: focus starts on Cancel, Escape closes it and focus goes back.
  expect(
    await dialog.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement),
  ).toBe(true);
  await screenshot(page, 'stop-holder-dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await stopButton.evaluate((b) => b === document.activeElement)).toBe(true);
  expect(alive(pid)).toBe(true);

  await stopButton.click();
  await dialog.getByRole('button', { name: `Stop node (pid ${pid})` }).click();

  const outcome = page.getByTestId('stop-outcome-start');
  await outcome
    .filter({ hasText: `Stopped: node (pid ${pid}) exited after SIGTERM (the polite request).` })
    .waitFor({ timeout: 15_000 });
  // …then, on its own, the fresh diagnosis: the port is free and the step waits for the user's service.
  await start
    .getByRole('heading', { name: `Port ${port} is free: start your service on it` })
    .waitFor({ timeout: 20_000 });
  await page
    .getByTestId('waiting')
    .filter({ hasText: `Waiting for your service on port ${port}` })
    .waitFor();
  expect(navigations).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { __stillTheSamePage?: boolean }).__stillTheSamePage),
  ).toBe(true);

  // Really gone: it died of the SIGTERM, and no process with its pid is left.
  await new Promise<void>((resolve) =>
    server.child.exitCode !== null || server.child.signalCode !== null
      ? resolve()
      : server.child.once('exit', () => resolve()),
  );
  expect(server.child.signalCode).toBe('SIGTERM');
  expect(() => process.kill(pid, 0)).toThrow();

  await screenshot(page, 'stop-holder-done');
});
