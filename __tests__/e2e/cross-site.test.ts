// docs/security.md rules 2 and 3 in a real browser: a page from another site, opened in Chromium, fires
// everything a page can fire at the doctor's API (<img>, <script>, <iframe>, fetch, a form) and nothing is
// probed; the same diagnosis from the app's own page does probe. DNS rebinding (a foreign Host) is refused.
import net from 'node:net';
import { rawRequest } from '../support/app-server';
import { requireOrSkip } from '../support/requirements';
import { cleanupAll, startHttpServer, startTcpServer } from '../support/servers';
import { diagnosePath, screenshot } from './support/browser';
import { e2eSession } from './support/session';
import { recordWire, type WireRequest } from './support/wire';

/** The attacker's site: another loopback address is another site for the browser (sites ignore ports). */
const ATTACKER_HOST = '127.0.0.2';

function canListenOn(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, host, () => s.close(() => resolve(true)));
  });
}

const e2e = e2eSession({
  requires: async () =>
    requireOrSkip(await canListenOn(ATTACKER_HOST), `a second loopback address (${ATTACKER_HOST})`),
});

// The would-be victim: a loopback listener that only counts. A probe by the doctor would show up here.
let connections = 0;
const requestLines: string[] = [];
let counterPort = 0;
let attackerPort = 0;
let attackerPage = '';

beforeAll(async () => {
  if (!e2e.ready) return;
  counterPort = (
    await startTcpServer((socket) => {
      connections++;
      // An application probe's first line names the page that asked for it (/via-…); then the line is cut.
      socket.once('data', (chunk: Buffer) => {
        requestLines.push(chunk.toString('latin1').split('\r\n')[0]!);
        socket.destroy();
      });
      socket.once('end', () => socket.destroy());
      socket.on('error', () => {});
    })
  ).port;
  attackerPort = (
    await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(attackerPage);
    }, ATTACKER_HOST)
  ).port;
});
afterAll(cleanupAll);

async function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const settled = (r: WireRequest) => r.status !== undefined || r.failure !== undefined;

/** A page that fires at the doctor everything a web page can without its user doing anything. */
function attackerHtml(urls: Record<string, string>): string {
  const js = (s: string) => JSON.stringify(s);
  const body = JSON.stringify({ port: 1, startedAt: 1 });
  return `<!doctype html><meta charset="utf-8"><title>Totally harmless page</title>
<script>function note(s){const li=document.createElement('li');li.textContent=s;document.getElementById('outcomes').append(li);}</script>
<h1>Another site (${ATTACKER_HOST}:${attackerPort}) tries to use Localhost Doctor</h1>
<p>What this page got back:</p><ol id="outcomes"></ol>
<img alt="img" src="${urls.img}" onload="note('img: loaded')" onerror="note('img: error')">
<script src="${urls.script}" onload="note('script: loaded')" onerror="note('script: error')"></script>
<iframe title="iframe GET" src="${urls.frame}" width="320" height="90"></iframe>
<iframe title="form target" name="sink" width="320" height="90"></iframe>
<form id="f" method="post" action="${urls.form}" target="sink" enctype="text/plain"><input type="hidden" name='{"port":1,"startedAt":1,"_":"' value='"}'></form>
<script>
const shown = (what) => [(r) => note(what + ': ' + r.type + ' ' + r.status), (e) => note(what + ': ' + e)];
fetch(${js(urls.fetchGet)}, { mode: 'no-cors' }).then(...shown('fetch GET no-cors'));
fetch(${js(urls.fetchPost)}, { method: 'POST', mode: 'no-cors', body: ${js(body)} }).then(...shown('fetch POST no-cors'));
fetch(${js(urls.fetchJson)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${js(body)} }).then(...shown('fetch POST JSON'));
document.getElementById('f').submit();
</script>`;
}

test('a page from another site cannot make the doctor probe or stop anything; the app’s own page can', async () => {
  if (!e2e.ready) return;
  const { page, app } = e2e;
  const appHost = `127.0.0.1:${app.port}`;
  const attackerOrigin = `http://${ATTACKER_HOST}:${attackerPort}`;
  const diagnose = (via: string) =>
    `${app.url}/api/diagnose?target=${encodeURIComponent(`127.0.0.1:${counterPort}/via-${via}`)}`;
  // pid 1 is never stopped (rule 9), so even a broken guard could not make this test stop anything.
  const stop = (via: string) => `${app.url}/api/processes/1/stop?via=${via}`;
  const urls = {
    img: diagnose('img'),
    script: diagnose('script'),
    frame: diagnose('iframe'),
    fetchGet: diagnose('fetch'),
    fetchPost: stop('fetch-no-cors'),
    fetchJson: stop('fetch-json'),
    form: stop('form'),
  };
  // What each request is, what the app must answer, and why (rule 3).
  const expected: { method: string; url: string; code: string; origin?: string }[] = [
    { method: 'GET', url: urls.img, code: 'cross-site-request' },
    { method: 'GET', url: urls.script, code: 'cross-site-request' },
    { method: 'GET', url: urls.frame, code: 'cross-site-request' },
    { method: 'GET', url: urls.fetchGet, code: 'cross-site-request' },
    { method: 'POST', url: urls.fetchPost, code: 'origin-not-allowed', origin: attackerOrigin },
    // application/json is not a "simple" body: the browser asks first (CORS preflight) and, refused, never sends the POST.
    { method: 'OPTIONS', url: urls.fetchJson, code: 'cross-site-request', origin: attackerOrigin },
    { method: 'POST', url: urls.form, code: 'origin-not-allowed', origin: attackerOrigin },
  ];
  attackerPage = attackerHtml(urls);

  const wire = await recordWire(page);
  try {
    await page.goto(`${attackerOrigin}/`);
    await until(
      'every request of the attacker page to be answered or to fail',
      () =>
        expected.every(({ method, url }) => wire.find(method, url).some(settled)) &&
        wire.find('POST', urls.fetchJson).some(settled),
      15_000,
    );
    await page.locator('#outcomes li').nth(4).waitFor(); // img, script and the three fetches have reported
    await screenshot(page, 'cross-site-attacker');

    // Nothing was probed…
    expect(connections).toBe(0);
    // …because the app refused every request, each as Chromium really sent it: from another site.
    for (const { method, url, origin } of expected) {
      const [req, ...more] = wire.find(method, url);
      expect({ method, url, more: more.length }).toEqual({ method, url, more: 0 });
      expect({ method, url, sent: req!.sent }).toMatchObject({
        method,
        url,
        sent: { host: appHost, 'sec-fetch-site': 'cross-site', ...(origin ? { origin } : {}) },
      });
      expect({ method, url, status: req!.status }).toEqual({ method, url, status: 403 });
      expect(req!.received?.['access-control-allow-origin']).toBeUndefined();
    }
    // The JSON POST itself never left the browser: its preflight was refused.
    const [jsonPost] = wire.find('POST', urls.fetchJson);
    expect(jsonPost?.sent).toBeUndefined();
    expect(jsonPost?.status).toBeUndefined();
    expect(jsonPost?.corsError).toBe('PreflightMissingAllowOriginHeader');
    // And the page learned nothing: every answer was an error to it.
    const outcomes = await page.locator('#outcomes li').allTextContents();
    expect(outcomes.sort()).toEqual([
      'fetch GET no-cors: TypeError: Failed to fetch',
      'fetch POST JSON: TypeError: Failed to fetch',
      'fetch POST no-cors: TypeError: Failed to fetch',
      'img: error',
      'script: error',
    ]);

    // Chromium keeps the refusal bodies from the page and from DevTools alike (Cross-Origin-Resource-Policy,
    // CORS, X-Frame-Options). To read which rule refused each one, send the exact requests Chromium sent
    // (its headers, Host and Origin included) once more from here.
    for (const { method, url, code } of expected) {
      const { postData, sent } = wire.find(method, url)[0]!;
      const headers = Object.fromEntries(
        Object.entries(sent!).filter(
          ([k]) => !['accept-encoding', 'content-length', 'connection'].includes(k),
        ),
      );
      const res = await rawRequest(url, { method, headers, body: postData });
      expect({ method, url, status: res.status, code: JSON.parse(res.body).error?.code }).toEqual({
        method,
        url,
        status: 403,
        code,
      });
    }
    expect(connections).toBe(0);

    // DNS rebinding: a page on rebound.example (re-pointed to 127.0.0.1) is same-origin with itself, so
    // Chromium would send Sec-Fetch-Site: same-origin, but with Host: rebound.example. Chromium cannot be
    // made to forge Host, so this is a raw request with the headers such a page's fetch would carry.
    const rebound = {
      host: `rebound.example:${app.port}`,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
    };
    for (const path of ['/', `/api/diagnose?target=${encodeURIComponent(`127.0.0.1:${counterPort}`)}`]) {
      const res = await rawRequest(`${app.url}${path}`, { headers: rebound });
      expect({ path, status: res.status, code: JSON.parse(res.body).error?.code }).toEqual({
        path,
        status: 403,
        code: 'host-not-allowed',
      });
    }
    expect(connections).toBe(0);

    // Control: the app's own page asks for the same diagnosis, and the counter does see the probe. So the
    // zero above is the guard's doing, not a counter that cannot count or a target that cannot be reached.
    const ownTarget = `127.0.0.1:${counterPort}`;
    await page.goto(app.url + diagnosePath(ownTarget));
    // The wizard diagnoses through the session it opened for the address: POST /api/sessions/<id>/diagnoses.
    const ownDiagnoses = () =>
      wire
        .requests()
        .filter(
          (r) =>
            r.method === 'POST' &&
            r.url.startsWith(`${app.url}/api/sessions/`) &&
            /^\/api\/sessions\/[0-9a-f-]{36}\/diagnoses$/.test(new URL(r.url).pathname),
        );
    await until(
      'the app’s own page to probe the counter and get its diagnosis',
      () => requestLines.some((l) => l.startsWith('GET / ')) && ownDiagnoses().some(settled),
      20_000,
    );
    // A probe the attacker's requests set off, however late, has had longer than this one to reach the counter.
    expect(requestLines.filter((l) => l.includes('/via-'))).toEqual([]);
    const [own] = ownDiagnoses();
    expect(own).toMatchObject({
      status: 201,
      sent: { host: appHost, 'sec-fetch-site': 'same-origin', origin: app.url },
    });
  } finally {
    await wire.stop();
  }
});
