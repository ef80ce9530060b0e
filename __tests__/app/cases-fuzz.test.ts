/**
 * A fuzzed import against the running app: valid case files with random fields replaced or removed, random
 * JSON and random text. Every answer is 201 or a 4xx with a reason: never a 5xx, never a hang.
 */
import fc from 'fast-check';
import { HIGH_LIMITS } from '../support/limits';
import { startApp, type RunningApp } from '../support/app-server';
import { sessionCase } from '../unit/cases/case-fixtures';
import { importCase } from './cases-support';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({ RATE_LIMITS: HIGH_LIMITS }, 120_000);
}, 150_000);
afterAll(() => app?.stop());

type Json = unknown;
const base = JSON.parse(JSON.stringify(sessionCase())) as Json;

/** Every path into the file, so a mutation can land anywhere: deep inside facts as well as at the top. */
function paths(
  value: Json,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}
const ALL = paths(base).filter((p) => p.length > 0);

function mutated(mutations: { path: number; value: Json; remove: boolean }[]): Json {
  const copy = JSON.parse(JSON.stringify(base)) as Json;
  for (const m of mutations) {
    const path = ALL[m.path % ALL.length]!;
    let parent = copy as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) {
      const next = parent?.[key];
      if (typeof next !== 'object' || next === null) break;
      parent = next as Record<string | number, Json>;
    }
    const last = path[path.length - 1]!;
    if (typeof parent !== 'object' || parent === null) continue;
    if (m.remove) delete parent[last];
    else parent[last] = m.value;
  }
  return copy;
}

const mutation = fc.record({ path: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }), remove: fc.boolean() });
const body = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => JSON.stringify(mutated(ms))),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

test('the unmutated file opens (the base of the fuzz is valid)', async () => {
  expect((await importCase(app, JSON.stringify(base))).status).toBe(201);
});

test('a fuzzed case file is never answered with a 5xx', async () => {
  const seen = new Set<number>();
  await fc.assert(
    fc.asyncProperty(body, async (text) => {
      const res = await importCase(app, text);
      seen.add(res.status);
      expect([201, 400, 413, 415]).toContain(res.status);
      if (res.status !== 201) expect(typeof JSON.parse(res.body).error.message).toBe('string');
    }),
    { numRuns: 250 },
  );
  expect(seen.has(400)).toBe(true);
}, 300_000);
