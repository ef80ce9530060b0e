/**
 * Random input at every parameter of /api/watches, its samples and DELETE, and /probe: never a 5xx, never a
 * hang, JSON for every refusal. Only inside the loopback-only namespace (random targets are probed there).
 */
import fc from 'fast-check';
import { HIGH_LIMITS } from '@/__tests__/support/limits';
import { rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { inLoopbackOnlyNamespace, requireOrSkip } from '@/__tests__/support/requirements';

let app: RunningApp | undefined;
beforeAll(async () => {
  if (inLoopbackOnlyNamespace || process.env.CI === 'true')
    app = await startApp({ RATE_LIMITS: HIGH_LIMITS });
}, 120_000);
afterAll(() => app?.stop());

const junk = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    '0',
    '-1',
    '%',
    '%ZZ',
    '..',
    '\u0000',
    'localhost:1',
    '00000000-0000-4000-8000-000000000000',
  ),
);
/** A path segment: random, but never one that makes another path ('', '.', '..': the path fuzz covers those). */
const segment = junk.filter((s) => !['', '.', '..'].includes(s));
const jsonValue = fc.oneof(fc.jsonValue(), junk, fc.integer({ min: -5, max: 5000 }));

const SANE = [200, 201, 204, 400, 403, 404, 409, 413, 415, 429];

async function expectSane(path: string, init: { method?: string; body?: string } = {}) {
  const res = await rawRequest(`${app!.url}${path}`, {
    method: init.method,
    headers: { origin: app!.url, 'content-type': 'application/json' },
    body: init.body,
    timeoutMs: 12_000,
  });
  expect(SANE).toContain(res.status);
  if (res.status >= 400) expect(typeof JSON.parse(res.body).error.code).toBe('string');
}

test('random watch bodies, ids, since/limit and probe targets never break the routes', async () => {
  if (
    !requireOrSkip(
      inLoopbackOnlyNamespace,
      'a loopback-only network namespace (run through `npm test` as root)',
    )
  )
    return;
  await fc.assert(
    fc.asyncProperty(jsonValue, jsonValue, segment, junk, async (target, intervalSeconds, a, b) => {
      const e = encodeURIComponent;
      await Promise.all([
        expectSane('/api/watches', { method: 'POST', body: JSON.stringify({ target, intervalSeconds }) }),
        expectSane(`/api/watches/${e(a)}/samples?since=${e(b)}&limit=${e(a)}`),
        expectSane(`/api/watches/${e(a)}`, { method: 'DELETE' }),
        expectSane(`/probe?target=${e(b)}`),
      ]);
    }),
    { numRuns: 150 },
  );
}, 300_000);
