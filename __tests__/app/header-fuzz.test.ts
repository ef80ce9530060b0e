/**
 * Random Cookie, Authorization, Origin, Sec-Fetch-Site, Host and X-Forwarded-For headers against the app
 * started WITH an ACCESS_TOKEN: always 200/303/400/401/403/429, JSON for every refusal (the redirect has a
 * Location instead), never 5xx, never a hang. Header-only fuzzing of /api/listeners, pages and the stop
 * route (pid 1, which is always refused) runs anywhere; random targets only inside the loopback-only namespace.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { HIGH_LIMITS } from '@/__tests__/support/limits';
import { rawRequest, startApp, type RawResponse, type RunningApp } from '@/__tests__/support/app-server';
import { inLoopbackOnlyNamespace, requireOrSkip } from '@/__tests__/support/requirements';

const TOKEN = 'fuzz-token-0123456789abcdef';
const DERIVED = createHmac('sha256', TOKEN).update('localhost-doctor/ld_token/v1').digest('base64url');
let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ ACCESS_TOKEN: TOKEN, RATE_LIMITS: HIGH_LIMITS });
});
afterAll(() => app?.stop());

/** Characters Node lets a client put in a header value: visible ASCII, space and Latin-1. */
const headerChar = fc
  .integer({ min: 0x20, max: 0xff })
  .filter((c) => c !== 0x7f)
  .map((c) => String.fromCharCode(c));
const junk = fc.string({ unit: headerChar, maxLength: 80 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

/** Mostly hosts the app accepts, so the fuzz gets past the Host check to the token and cross-site checks. */
const hosts = () =>
  fc.oneof(
    {
      arbitrary: fc.constantFrom(
        `127.0.0.1:${app.port}`,
        `localhost:${app.port}`,
        `[::1]:${app.port}`,
        `app.localhost:${app.port}`,
      ),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom('evil.example', '127.0.0.1:99999', '[::1', '2130706433', ''),
      weight: 1,
    },
    { arbitrary: junk, weight: 1 },
  );
const cookies = fc.oneof(
  fc.constantFrom(
    `ld_token=${DERIVED}`,
    `ld_token=${TOKEN}`,
    'ld_token=%E0%A4%A',
    'ld_token=%',
    `a=%ZZ; ld_token=${DERIVED}`,
    'ld_token=; ld_token==; =',
  ),
  junk.map((v) => `ld_token=${v}`),
  junk,
);
const authorizations = fc.oneof(
  fc.constantFrom(
    `Bearer ${TOKEN}`,
    `bearer ${TOKEN}`,
    'Bearer ',
    'Bearer',
    `Basic ${TOKEN}`,
    `Bearer ${DERIVED}`,
  ),
  junk.map((v) => `Bearer ${v}`),
  junk,
);
const origins = () =>
  fc.oneof(
    fc.constantFrom(
      `http://127.0.0.1:${app.port}`,
      'null',
      'http://evil.example',
      `https://127.0.0.1:${app.port}`,
    ),
    junk,
  );
const fetchSites = fc.oneof(fc.constantFrom('same-origin', 'none', 'same-site', 'cross-site', ''), junk);
const forwardedFor = fc.oneof(fc.ipV4(), fc.ipV6(), junk);

const headerSets = () =>
  fc.record({
    host: hosts(),
    cookie: maybe(cookies),
    authorization: maybe(authorizations),
    origin: maybe(origins()),
    'sec-fetch-site': maybe(fetchSites),
    'x-forwarded-for': maybe(forwardedFor),
  });

const ALLOWED = [200, 303, 400, 401, 403, 429];

const seen = new Map<number, number>();

function expectSane(res: RawResponse, what: string) {
  seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
  if (!ALLOWED.includes(res.status)) throw new Error(`${what} → ${res.status}: ${res.body.slice(0, 300)}`);
  if (res.status === 303) {
    const to = new URL(String(res.headers.location), app.url);
    expect(to.searchParams.has('token')).toBe(false);
    expect(res.headers['set-cookie']).toBeDefined();
    return;
  }
  const type = String(res.headers['content-type'] ?? '');
  if (res.status === 200 && type.startsWith('text/html')) return; // a page, let in with a valid proof
  expect(type).toMatch(/^application\/json/);
  const body = JSON.parse(res.body);
  if (res.status !== 200) expect(typeof body.error.code).toBe('string');
}

async function send(
  path: string,
  headers: Record<string, string | undefined>,
  method = 'GET',
  body?: string,
): Promise<void> {
  const defined = Object.fromEntries(
    Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const res = await rawRequest(`${app.url}${path}`, {
    method,
    headers: body ? { ...defined, 'content-type': 'application/json' } : defined,
    body,
    timeoutMs: 12_000,
  });
  expectSane(res, `${method} ${path} ${JSON.stringify(defined)}`);
}

test('random security headers never break the app (header-only: /api/listeners, pages, the stop route)', async () => {
  const paths = fc.constantFrom(
    '/api/listeners?port=1',
    '/api/listeners',
    '/',
    '/learn',
    `/?token=${TOKEN}`,
    `/api/listeners?port=1&token=${TOKEN}`,
    '/?token=wrong-token-0123456789abcd',
    '/?token=%E0%A4%A',
  );
  await fc.assert(
    fc.asyncProperty(headerSets(), paths, headerSets(), async (h, path, h2) => {
      await Promise.all([
        send(path, h),
        send('/api/listeners?port=1', h2),
        // pid 1 is always protected: whatever the guard lets through, nothing is stopped.
        send('/api/processes/1/stop', h2, 'POST', JSON.stringify({ port: 1, startedAt: null })),
      ]);
    }),
    { numRuns: 400 },
  );
  // The run reached every branch: let in, redirected, no token, refused.
  for (const status of [200, 303, 401, 403]) expect(seen.get(status) ?? 0).toBeGreaterThan(0);
}, 300_000);

test('random security headers with random targets (/api/diagnose, /api/probe)', async () => {
  if (
    !requireOrSkip(
      inLoopbackOnlyNamespace,
      'a loopback-only network namespace (run through `npm test` as root)',
    )
  )
    return;
  const target = fc.oneof(junk, fc.constantFrom('localhost:1', '127.0.0.1:9', '[::1]:7', '10.0.0.1:80'));
  await fc.assert(
    fc.asyncProperty(headerSets(), target, async (h, t) => {
      const q = encodeURIComponent(t);
      await Promise.all([send(`/api/diagnose?target=${q}`, h), send(`/api/probe?target=${q}`, h)]);
    }),
    { numRuns: 300 },
  );
}, 300_000);
