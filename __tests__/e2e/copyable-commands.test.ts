/**
 * A link to /diagnose/<target> whose path carries `$(touch …)`, so a pasted command would run it. The "Check it yourself"
 * commands, read off the page as a person would copy them, are run in a real bash against the test's own
 * loopback server: nothing but the intended program runs. A control proves the unquoted form would have.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'shell-quote';
import type { ChildServer } from '../support/child-server';
import { diagnosePath } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();
let server: ChildServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ld-quote-'));
  if (e2e.ready) server = await e2e.server({ title: 'Quoting Target' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A real bash reading the line, with a deadline; the commands only talk to the test's own server on loopback.
 * (lib/exec is server-only, so the e2e runner calls execFile itself: an argument array, a timeout.)
 */
const bash = (line: string) =>
  new Promise<number>((resolve) => {
    execFile('bash', ['-c', line], { timeout: 8000 }, (err) => resolve(err ? Number(err.code ?? 1) : 0));
  });

test('a crafted /diagnose link shows commands that run only curl and nc, with the URL as one argument', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const marker = join(dir, 'PWNED');
  const target = `localhost:${server.port}/?$(touch\${IFS}${marker})`;
  await page.goto(app.url + diagnosePath(target));

  const card = page.locator('article[data-finding="test-commands"]').first();
  await card.waitFor();
  const shown = (await card.locator('pre code').allTextContents()).map((t) => t.trim());
  const url = `http://localhost:${server.port}/?$(touch\${IFS}${marker})`;
  const curl = shown.find((c) => c.startsWith('curl '));
  const nc = shown.find((c) => c.startsWith('nc '));
  expect(curl).toBeDefined();
  expect(nc).toBeDefined();
  // What a POSIX shell reads from the page's text: exactly the program and its arguments.
  expect(parse(curl!, (name) => `$${name}`)).toEqual(['curl', '-v', url]);
  expect(parse(nc!, (name) => `$${name}`)).toEqual(['nc', '-vz', 'localhost', String(server.port)]);

  for (const line of shown.filter((c) => /^(curl|nc) /.test(c))) {
    const program = line.split(' ')[0]!;
    if ((await bash(`command -v ${program}`)) !== 0) continue;
    await bash(`timeout 5 ${line}`);
  }
  expect(existsSync(marker)).toBe(false);

  // Control: the same URL in the unquoted form the app used to show does run the payload.
  const control = join(dir, 'CONTROL');
  const unquoted = `curl --max-time 3 -sS -o /dev/null http://localhost:${server.port}/?$(touch\${IFS}${control})`;
  await bash(`timeout 5 ${unquoted}`);
  expect(existsSync(control)).toBe(true);
});

test('the API refuses a host name that carries shell syntax: 400 invalid-target', async () => {
  if (!e2e.ready) return;
  const res = await fetch(`${e2e.app.url}/api/diagnose?target=${encodeURIComponent('a;id;.localhost:7001')}`);
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('invalid-target');
  expect(body.error.message).toContain('is not a host name');
});
