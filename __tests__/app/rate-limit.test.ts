/**
 * The rate limiter keys on the socket's real peer (its uid), not on a client-sent X-Forwarded-For: another
 * client flooding, spoofing 127.0.0.1 or spreading over made-up addresses, cannot drain the user's bucket or
 * hold the user's probe slots. The app runs with the default limits, started as root with SUDO_UID=65534:
 * nobody is the user, root the other (allowed, flooding) client. Needs root to run the nobody client.
 */
import net from 'node:net';
import { rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { requestAs } from '@/__tests__/support/as-user';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { isRoot, requireOrSkip } from '@/__tests__/support/requirements';

let app: RunningApp;
let quick: ChildServer;
// Accepts and never answers: a diagnosis of it holds its probe slot for the probe's timeouts (~4 s).
let silent: net.Server;
const held = new Set<net.Socket>();
beforeAll(async () => {
  silent = net.createServer((s) => held.add(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  [app, quick] = await Promise.all([
    startApp(isRoot ? { SUDO_UID: '65534', SUDO_USER: 'nobody' } : {}),
    startChildHttpServer({ title: 'Quick' }),
  ]);
});
afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => silent.close(r));
  await quick?.stop();
  await app?.stop();
});

test('a flood from another client (X-Forwarded-For spoofed) does not make the user\u2019s requests 429', async () => {
  if (!requireOrSkip(isRoot, 'root (to run the user\u2019s client as uid 65534)')) return;
  const silentPort = (silent.address() as net.AddressInfo).port;
  const host = `127.0.0.1:${app.port}`;
  // The other client tries to take all 24 probe slots, each request claiming another address…
  const slow = Array.from({ length: 24 }, (_, i) =>
    rawRequest(`${app.url}/api/diagnose?target=127.0.0.1:${silentPort}`, {
      headers: { host, 'x-forwarded-for': `10.66.0.${i}` },
      timeoutMs: 30_000,
    }),
  );
  // …and floods the API as 127.0.0.1, the address the browser user's requests come from (with a request
  // that is cheap to answer, so the flood outruns the bucket's refill).
  const flood = await Promise.all(
    Array.from({ length: 100 }, () =>
      rawRequest(`${app.url}/api/probe?target=`, {
        headers: { host, 'x-forwarded-for': '127.0.0.1' },
        timeoutMs: 60_000,
      }),
    ),
  );
  expect(flood.filter((r) => r.status === 429).length).toBeGreaterThan(0);

  // Meanwhile the user (nobody) is answered: pages, the API, and diagnoses (five at a time, twice).
  const mine = [
    await requestAs(65534, `${app.url}/`, { headers: { host } }),
    ...(await Promise.all(
      Array.from({ length: 5 }, () =>
        requestAs(65534, `${app.url}/api/listeners?port=1`, { headers: { host } }),
      ),
    )),
  ];
  for (let batch = 0; batch < 2; batch++)
    mine.push(
      ...(await Promise.all(
        Array.from({ length: 5 }, () =>
          requestAs(65534, `${app.url}/api/diagnose?target=127.0.0.1:${quick.port}`, { headers: { host } }),
        ),
      )),
    );
  expect(mine.map((r) => r.status)).toEqual(mine.map(() => 200));

  // The other client got at most its own 8 probe slots, whatever addresses it claimed.
  const answers = await Promise.all(slow);
  const admitted = answers.filter((r) => r.status === 200).length;
  expect(admitted).toBeLessThanOrEqual(8);
  expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(16);
}, 120_000);

test('too many requests from one client → 429 with Retry-After, JSON body', async () => {
  const headers = { host: `127.0.0.1:${app.port}`, 'x-forwarded-for': '10.99.0.1' };
  // A listener lookup takes longer than the bucket's refill on a busy machine: spend the burst on cheap
  // requests first, so the 60 below are sure to outrun it.
  await Promise.all(
    Array.from({ length: 45 }, () => rawRequest(`${app.url}/api/probe?target=`, { headers })),
  );
  const answers = await Promise.all(
    Array.from({ length: 60 }, () => rawRequest(`${app.url}/api/listeners?port=1`, { headers })),
  );
  const limited = answers.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(JSON.parse(limited[0]!.body).error.code).toBe('rate-limited');
  expect(answers.every((r) => r.status === 200 || r.status === 429)).toBe(true);
});
