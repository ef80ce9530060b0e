/**
 * One lab walked in Chromium from its lesson to "Solved": the lesson links to the lab, the lab breaks an app
 * for real (HTTP 500), the doctor names it, a wrong answer then the right one, the fix performed for real
 * (the missing setting written where the lab's own command says), "Check my fix" says solved, and stop
 * ends the lab's process.
 */
import { writeFileSync } from 'node:fs';
import { screenshot } from './support/browser';
import { e2eSession } from './support/session';
import { goneFromProc } from '../support/lab-client';

const e2e = e2eSession();

test('the broken-app lab, from the HTTP lesson to solved', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  await page.goto(`${app.url}/learn#http`);
  await page.locator('[data-try-labs="http"]').getByRole('link', { name: 'HTTP 500 from the app' }).click();
  await page.waitForURL(`${app.url}/labs/broken-app`);
  await page.getByRole('heading', { level: 1, name: 'HTTP 500 from the app' }).waitFor();

  await page.getByRole('button', { name: 'Start the lab' }).click();
  const addressBox = page.getByRole('region', { name: 'The address' });
  await addressBox.getByRole('button', { name: 'Diagnose it here' }).click();
  await addressBox.locator('li[data-finding="http-error"]').waitFor({ timeout: 30_000 });
  const target = (await addressBox.locator('code').first().textContent()) ?? '';
  expect(target).toMatch(/^127\.0\.0\.1:\d+$/);

  const question = page.getByRole('region', { name: 'What is wrong?' });
  await question.getByLabel('Nothing is listening on the port').check();
  await question.getByRole('button', { name: 'Answer' }).click();
  await question
    .locator('[data-correct="false"]')
    .getByText(/^Not quite/)
    .waitFor();
  await question.getByLabel('The application itself answers with an error status').check();
  await question.getByRole('button', { name: 'Answer' }).click();
  const explanation = question.locator('[data-correct="true"]');
  await explanation.waitFor();
  expect(await explanation.textContent()).toContain(target);

  const fix = page.getByRole('region', { name: 'Fix it' });
  await fix.getByRole('button', { name: 'Check my fix' }).click();
  await fix.getByText(/^Not yet/).waitFor({ timeout: 30_000 });
  // The learner runs the lab's own fix: the command names the settings file to write.
  const command = (await fix.locator('pre').first().textContent()) ?? '';
  const settings = /> '?([^' ]+settings\.json)'?$/.exec(command.trim())?.[1];
  expect(settings).toBeDefined();
  writeFileSync(settings!, JSON.stringify({ database: 'sqlite:///tmp/lab.db' }));
  await fix.getByRole('button', { name: 'Check my fix' }).click();
  await fix.getByRole('heading', { name: 'Solved' }).waitFor({ timeout: 30_000 });
  await screenshot(page, 'lab-broken-app-solved');

  const pids = await page.evaluate(async () => {
    const list = await fetch('/api/labs/progress?format=json').then((r) => r.json());
    return list as { runs: { runId: string }[] };
  });
  const runId = pids.runs[0]!.runId;
  const detail = await page.evaluate(
    async (id) => fetch(`/api/labs/runs/${id}`).then((r) => r.json()),
    runId,
  );
  await fix.getByRole('button', { name: 'Stop the lab' }).click();
  await page.getByText('The lab is stopped: every process it started has exited.').waitFor();
  for (const p of (detail as { processes: { pid: number }[] }).processes)
    expect(goneFromProc(p.pid)).toBe(true);
});

test('/labs?set= shows just that sequence in order, with the solved lab’s progress', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  await page.goto(`${app.url}/labs?set=broken-app,firewall-drop,ipv6-only`);
  const items = page.getByRole('list', { name: 'Labs' }).locator('li[data-lab]');
  expect(await items.evaluateAll((li) => li.map((l) => l.getAttribute('data-lab')))).toEqual([
    'broken-app',
    'firewall-drop',
    'ipv6-only',
  ]);
  expect(await items.nth(0).textContent()).toMatch(/Solved in \d+/);
  expect(await items.nth(1).textContent()).toContain('Needs root');
  expect(await items.nth(2).textContent()).toContain('Not tried yet');
  await page.getByRole('link', { name: 'CSV' }).waitFor();
  await screenshot(page, 'labs-sequence');
});
