/**
 * Random lab ids, run ids and bodies at the labs API of the running app, one real run among them: always a
 * JSON answer of 200/201/400/404/409, never a 5xx, and the real run keeps running until it is stopped.
 */
import fc from 'fast-check';
import { HIGH_LIMITS } from '@/__tests__/support/limits';
import { startApp, type RunningApp } from '@/__tests__/support/app-server';
import { goneFromProc, labApi, type LabRun, type RunDetail } from '@/__tests__/support/lab-client';

jest.setTimeout(120_000);

let app: RunningApp;
let api: ReturnType<typeof labApi>;
beforeAll(async () => {
  app = await startApp({ RATE_LIMITS: HIGH_LIMITS });
  api = labApi(app);
});
afterAll(() => app?.stop());

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer().map(String),
  fc.constantFrom('', '%ZZ', '..', 'no-listener', 'http-error', '00000000-0000-4000-8000-000000000000'),
);
const bodies = fc.oneof(
  fc.dictionary(fc.constantFrom('findingId', 'target', 'runId', 'id', 'extra'), fc.oneof(junk, fc.integer())),
  fc.constant({}),
);

/** One path segment: never empty or a dot segment (those name another path, which the server answers 405). */
const seg = (s: string) => (s === '' || s === '.' || s === '..' ? 'x' : encodeURIComponent(s));

function expectSane(res: { status: number; json: unknown }) {
  expect([200, 201, 400, 404, 409]).toContain(res.status);
  if (res.status >= 400) expect(typeof (res.json as { error: { code: string } }).error.code).toBe('string');
}

test('random labs API input never breaks it', async () => {
  const started = await api.post<{ run: LabRun }>('/api/labs/broken-app/start');
  expect(started.status).toBe(201);
  const real = started.json.run.id;
  const detail = (await api.get<RunDetail>(`/api/labs/runs/${real}`)).json;
  await fc.assert(
    fc.asyncProperty(junk, bodies, fc.boolean(), async (segment, body, useReal) => {
      const id = useReal ? real : seg(segment);
      const action = fc.sample(fc.constantFrom('answer', 'check'), 1)[0]!;
      const results = await Promise.all([
        api.post(`/api/labs/runs/${id}/${action}`, body),
        api.get(`/api/labs/runs/${seg(segment)}`),
        api.get(`/api/labs/progress?format=${encodeURIComponent(segment)}`),
        api.get(`/api/diagnose?target=127.0.0.1:1&lab=${encodeURIComponent(segment)}`),
        api.post(`/api/labs/${seg(segment)}x/start`, body),
      ]);
      for (const r of results) expectSane(r);
    }),
    { numRuns: 40 },
  );
  expect(detail.processes.every((p) => !goneFromProc(p.pid))).toBe(true);
  expect((await api.post(`/api/labs/runs/${real}/stop`)).json).toEqual({ stopped: true });
});
