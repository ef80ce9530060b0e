/**
 * Thousands of random inputs at every API parameter of the running app: always 200/400/403/429 with a JSON
 * body, never 5xx, never a hang. Only inside the loopback-only namespace `npm test` creates: random targets
 * probe random loopback ports there, all of which belong to this run.
 */
import fc from 'fast-check';
import { HIGH_LIMITS } from '@/__tests__/support/limits';
import { rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { inLoopbackOnlyNamespace, requireOrSkip } from '@/__tests__/support/requirements';

let app: RunningApp | undefined;
beforeAll(async () => {
  if (inLoopbackOnlyNamespace || process.env.CI === 'true')
    app = await startApp({ RATE_LIMITS: HIGH_LIMITS });
});
afterAll(() => app?.stop());

const junk = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '65536',
    '1e3',
    '0x50',
    'localhost',
    '[::1]:',
    '::',
    '%',
    '%ZZ',
    '..',
    '\u0000',
    'a'.repeat(3000),
  ),
);

let client = 0;
async function expectSane(path: string, params: Record<string, string>) {
  const qs = new URLSearchParams(params).toString();
  const res = await rawRequest(`${app!.url}${path}?${qs}`, {
    headers: {
      host: `127.0.0.1:${app!.port}`,
      'x-forwarded-for': `10.77.${(++client >> 8) & 255}.${client & 255}`,
    },
    timeoutMs: 12_000,
  });
  expect([200, 400, 403, 429]).toContain(res.status);
  const body = JSON.parse(res.body);
  if (res.status !== 200) expect(typeof body.error.code).toBe('string');
}

test('random query parameters never break the API', async () => {
  if (
    !requireOrSkip(
      inLoopbackOnlyNamespace,
      'a loopback-only network namespace (run through `npm test` as root)',
    )
  )
    return;
  await fc.assert(
    fc.asyncProperty(junk, junk, async (a, b) => {
      await Promise.all([
        expectSane('/api/diagnose', { target: a, intent: b }),
        expectSane('/api/diagnose', { target: a }),
        expectSane('/api/listeners', { port: a }),
        expectSane('/api/connections', { port: b }),
        expectSane('/api/probe', { target: b }),
      ]);
    }),
    { numRuns: 600 },
  );
}, 300_000);

// Path characters Node's client sends as they are, '%' (often not followed by two hex digits) included.
const pathChar = fc.constantFrom(
  ...'abcAZ09-._~%/!$&()*+,;=:@'.split(''),
  '%2',
  '%zz',
  '%E0%A4',
  '%00',
  '..',
);
const randomPath = fc.oneof(
  fc.array(pathChar, { maxLength: 30 }).map((cs) => `/${cs.join('')}`),
  fc
    .tuple(
      fc.constantFrom('/api/', '/api/processes/', '/diagnose/', '/_next/static/', '/learn/'),
      fc.array(pathChar, { maxLength: 20 }),
    )
    .map(([prefix, cs]) => `${prefix}${cs.join('')}`),
);
const method = fc.oneof(
  fc.constantFrom(
    'GET',
    'HEAD',
    'POST',
    'PUT',
    'PATCH',
    'DELETE',
    'OPTIONS',
    'TRACE',
    'PROPFIND',
    'LOCK',
    'M-SEARCH',
  ),
  fc.stringMatching(/^[A-Z]{1,12}$/),
);

test('random paths and methods: never a 5xx, every answer carries the security headers', async () => {
  if (
    !requireOrSkip(
      inLoopbackOnlyNamespace,
      'a loopback-only network namespace (run through `npm test` as root)',
    )
  )
    return;
  await fc.assert(
    fc.asyncProperty(randomPath, method, async (path, m) => {
      const res = await rawRequest(`${app!.url}${path}`, {
        method: m,
        headers: { host: `127.0.0.1:${app!.port}`, origin: app!.url },
        timeoutMs: 12_000,
      });
      expect([200, 204, 304, 307, 308, 400, 403, 404, 405, 415, 429]).toContain(res.status);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      if (res.status === 405) expect(res.headers.allow).toMatch(/^(GET, HEAD, OPTIONS|POST, OPTIONS)$/);
    }),
    { numRuns: 400 },
  );
  expect(app!.output()).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}, 300_000);
