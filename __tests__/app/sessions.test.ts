/**
 * The session API against the real app: validation (400), unknown ids (404), writes only from the app's own
 * Origin (403), imported sessions refuse writes (409) and are checked again by this machine's engine, and a
 * round trip of every kind of entry, with a real server on loopback and a recording that sees it start.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { freePort, rawRequest, startApp, type RunningApp } from '@/__tests__/support/app-server';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { HIGH_LIMITS } from '@/__tests__/support/limits';
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { createSession, importSessionEntries, openStore } from '@/lib/store';
import { makeFacts, listener, attempt, app as appProbe, httpAnswer } from '@/__tests__/support/facts';

let app: RunningApp;
let server: ChildServer;
beforeAll(async () => {
  app = await startApp({ RATE_LIMITS: HIGH_LIMITS });
  server = await startChildHttpServer({ title: 'Session Target' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await app?.stop();
});

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await rawRequest(`${app.url}${path}`, {
    method,
    headers: {
      host: `127.0.0.1:${app.port}`,
      ...(method === 'POST' ? { origin: app.url, 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    timeoutMs: 30_000,
  });
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    // Left null: the assertions say which answers must be JSON.
  }
  return { status: res.status, body: parsed };
}

async function newSession(target = `127.0.0.1:${server.port}`): Promise<string> {
  const res = await call('POST', '/api/sessions', { target });
  expect(res.status).toBe(201);
  return res.body.session.id;
}

describe('POST /api/sessions', () => {
  test('opens a session for a loopback target: 201 with a UUID, the target and when', async () => {
    const before = Date.now();
    const res = await call('POST', '/api/sessions', { target: `127.0.0.1:${server.port}` });
    expect(res.status).toBe(201);
    expect(res.body.session).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      target: `127.0.0.1:${server.port}`,
      createdAt: expect.any(String),
      readOnly: false,
    });
    expect(Date.parse(res.body.session.createdAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  test.each([
    [{ target: 'local host:3000' }, 400, 'invalid-target'],
    [{}, 400, 'invalid-input'],
    [{ target: 42 }, 400, 'invalid-input'],
    [{ target: 'localhost:3000', extra: 1 }, 400, 'invalid-input'],
    [{ target: '10.0.0.7:80' }, 403, 'target-not-allowed'],
    [{ target: '169.254.169.254:80' }, 403, 'target-not-allowed'],
  ])('%j → %i %s, nothing stored', async (body, status, code) => {
    const res = await call('POST', '/api/sessions', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(typeof res.body.error.message).toBe('string');
  });

  test.each([
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['Origin null', { origin: 'null' }],
  ])('with %s → 403 origin-not-allowed', async (_, headers) => {
    const res = await call('POST', '/api/sessions', { target: 'localhost:3000' }, headers);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin-not-allowed');
  });

  test('without an Origin → 403; a note posted without one is refused too', async () => {
    const id = await newSession();
    const raw = await rawRequest(`${app.url}/api/sessions/${id}/notes`, {
      method: 'POST',
      headers: { host: `127.0.0.1:${app.port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'sneaky' }),
    });
    expect(raw.status).toBe(403);
    const { body } = await call('GET', `/api/sessions/${id}`);
    expect(body.entries).toEqual([]);
  });
});

describe('reading sessions', () => {
  test('an id that is not a UUID is 400, an unknown UUID 404, for reads and writes', async () => {
    expect((await call('GET', '/api/sessions/abc')).status).toBe(400);
    const unknown = randomUUID();
    const read = await call('GET', `/api/sessions/${unknown}`);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('session-not-found');
    const note = await call('POST', `/api/sessions/${unknown}/notes`, { text: 'hello' });
    expect(note.status).toBe(404);
    expect((await call('POST', `/api/sessions/${unknown}/diagnoses`, {})).status).toBe(404);
    expect((await call('POST', '/api/sessions/abc/notes', { text: 'x' })).status).toBe(400);
  });

  test('?limit is 1–200 in digits; the list is newest first', async () => {
    for (const bad of ['0', '201', '1e2', '-1', 'x'])
      expect((await call('GET', `/api/sessions?limit=${bad}`)).status).toBe(400);
    const a = await newSession();
    const b = await newSession();
    const { status, body } = await call('GET', '/api/sessions?limit=2');
    expect(status).toBe(200);
    expect(body.sessions.map((s: { id: string }) => s.id)).toEqual([b, a]);
  });
});

describe('entries', () => {
  test.each([
    ['notes', 'an empty text', { text: '' }],
    ['notes', 'a text past 4000 characters', { text: 'x'.repeat(4001) }],
    ['notes', 'an unknown field', { text: 'ok', kind: 'diagnosis' }],
    ['actions', 'an action that is not a word', { action: 'Stop Process!', text: 'x' }],
    ['actions', 'no text', { action: 'stop-process' }],
    ['actions', 'a step that is not a wizard step', { action: 'guide-step', text: 'x', step: 'elsewhere' }],
    ['actions', 'a negative pid', { action: 'stop-process', text: 'x', pid: -1 }],
    [
      'copied',
      'an unknown platform',
      { findingId: 'port-taken', label: 'Stop it', command: 'kill 1', platform: 'beos' },
    ],
    ['copied', 'no findingId', { label: 'Stop it', command: 'kill 1', platform: 'linux' }],
    ['diagnoses', 'an unknown intent', { intent: 'sideways' }],
  ])('POST %s with %s → 400 with a reason', async (word, _, body) => {
    const id = await newSession();
    const res = await call('POST', `/api/sessions/${id}/${word}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid-input');
    expect(res.body.error.message.length).toBeGreaterThan(3);
  });

  test('a round trip: diagnosis of the real server, note, action, copied fix — in order, with times and seq', async () => {
    const id = await newSession();
    const diag = await call('POST', `/api/sessions/${id}/diagnoses`, {});
    expect(diag.status).toBe(201);
    expect(diag.body.entry).toMatchObject({ kind: 'diagnosis', seq: 1, intent: 'reach' });
    const diagnosis: Diagnosis = diag.body.entry.diagnosis;
    expect(diagnosis.findings.map((f) => f.id)).toContain('http-ok');
    expect(diagnosis.summary.headline).toContain('Session Target');

    const note = await call('POST', `/api/sessions/${id}/notes`, { text: '  they are on the VPN  ' });
    expect(note.status).toBe(201);
    expect(note.body.entry).toMatchObject({ kind: 'note', seq: 2, text: 'they are on the VPN' });
    const action = await call('POST', `/api/sessions/${id}/actions`, {
      action: 'guide-step',
      text: 'guide: Open the address',
      step: 'open',
    });
    expect(action.status).toBe(201);
    const copied = await call('POST', `/api/sessions/${id}/copied`, {
      findingId: 'test-commands',
      label: 'Request the page and show every step',
      command: `curl -v http://127.0.0.1:${server.port}/`,
      platform: 'linux',
    });
    expect(copied.status).toBe(201);

    const { status, body } = await call('GET', `/api/sessions/${id}`);
    expect(status).toBe(200);
    expect(body.session).toMatchObject({ id, target: `127.0.0.1:${server.port}`, readOnly: false });
    expect(body.entries.map((e: { kind: string; seq: number }) => [e.seq, e.kind])).toEqual([
      [1, 'diagnosis'],
      [2, 'note'],
      [3, 'action'],
      [4, 'copied'],
    ]);
    expect(body.entries[0].diagnosis.summary).toEqual(diagnosis.summary);
    expect(body.entries[2]).toMatchObject({ action: 'guide-step', step: 'open' });
    expect(body.entries[3]).toMatchObject({
      command: `curl -v http://127.0.0.1:${server.port}/`,
      platform: 'linux',
    });
    for (const e of body.entries) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  test('the diagnosis is of the session’s own target: a target in the body is refused, not probed', async () => {
    const id = await newSession();
    const res = await call('POST', `/api/sessions/${id}/diagnoses`, { target: 'localhost:1' });
    expect(res.status).toBe(400);
  });
});

describe('an imported (read-only) session', () => {
  let id: string;
  let facts: ReturnType<typeof makeFacts>;
  beforeAll(() => {
    // Written the way an import writes it, straight into this app's store (the import route is cases').
    const opened = openStore({ dataDir: app.dataDir, log: { warn: () => {} } });
    if (opened.status !== 'ok') throw new Error(opened.reason);
    facts = makeFacts({
      target: '127.0.0.1:62893',
      listeners: [listener('127.0.0.1', 62893, { process: 'python3', command: 'python3 -m http.server' })],
      attempts: [attempt('127.0.0.1', 62893, 'open')],
      application: appProbe('127.0.0.1', 62893, { http: httpAnswer(200) }),
    });
    // What an older doctor concluded from the same facts: this machine's engine must not repeat it.
    const stale: Diagnosis = {
      target: facts.target,
      facts,
      findings: [],
      summary: { severity: 'error', headline: 'An old verdict.', cause: null, firstFix: null },
    };
    const session = createSession(opened.db, {
      target: '127.0.0.1:62893',
      readOnly: true,
      importedFrom: 'case.json',
    });
    importSessionEntries(opened.db, session.id, [
      {
        seq: 1,
        at: '2026-11-26T05:30:00.000Z',
        kind: 'diagnosis',
        payload: { intent: 'reach', diagnosis: stale },
      },
    ]);
    opened.db.close();
    id = session.id;
  });

  test('GET shows the findings this machine’s engine derives from the stored facts', async () => {
    const { status, body } = await call('GET', `/api/sessions/${id}`);
    expect(status).toBe(200);
    expect(body.session).toMatchObject({ readOnly: true, importedFrom: 'case.json' });
    const here = runChecks(facts);
    expect(body.entries[0].diagnosis.findings.map((f: { id: string }) => f.id)).toEqual(
      here.findings.map((f) => f.id),
    );
    expect(body.entries[0].diagnosis.summary.headline).toBe(here.summary.headline);
    expect(body.entries[0].diagnosis.summary.headline).not.toBe('An old verdict.');
  });

  test.each([
    ['notes', { text: 'hi' }],
    ['actions', { action: 'free-port', text: 'x' }],
    ['copied', { findingId: null, label: 'x', command: 'x', platform: 'any' }],
    ['diagnoses', {}],
    ['recordings', {}],
  ])('POST %s → 409 session-read-only, and the timeline is unchanged', async (word, body) => {
    const res = await call('POST', `/api/sessions/${id}/${word}`, body);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('session-read-only');
    expect((await call('GET', `/api/sessions/${id}`)).body.entries).toHaveLength(1);
  });
});

describe('recordings', () => {
  test('Record, a server starts on the port, Stop: the entry has the opened event, both snapshots and probes', async () => {
    const port = await freePort(); // proven free by binding it
    const id = await newSession(`127.0.0.1:${port}`);
    const start = await call('POST', `/api/sessions/${id}/recordings`, {});
    expect(start.status).toBe(201);
    expect(start.body.recording).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      startedAt: expect.any(String),
    });
    const twice = await call('POST', `/api/sessions/${id}/recordings`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('recording-running');

    const late = await startChildHttpServer({ port, title: 'Late' });
    try {
      // Two readings at 1 s see it; the margin is for a loaded machine.
      await new Promise((r) => setTimeout(r, 3500));
      const rid = start.body.recording.id;
      expect((await call('POST', `/api/sessions/${id}/recordings/not-a-uuid/stop`, {})).status).toBe(400);
      expect((await call('POST', `/api/sessions/${id}/recordings/${randomUUID()}/stop`, {})).status).toBe(
        404,
      );
      const stop = await call('POST', `/api/sessions/${id}/recordings/${rid}/stop`, {});
      expect(stop.status).toBe(201);
      const entry = stop.body.entry;
      expect(entry.kind).toBe('recording');
      expect(entry.before.summary.cause).toBe('no-listener');
      expect(entry.after.findings.map((f: { id: string }) => f.id)).toContain('http-ok');
      expect(entry.events).toContainEqual(
        expect.objectContaining({ kind: 'opened', port, pid: late.pid, address: '127.0.0.1' }),
      );
      expect(entry.probes.length).toBeGreaterThanOrEqual(1);
      expect((await call('POST', `/api/sessions/${id}/recordings/${rid}/stop`, {})).status).toBe(404);
      const { body } = await call('GET', `/api/sessions/${id}`);
      expect(body.entries.map((e: { kind: string }) => e.kind)).toEqual(['recording']);
    } finally {
      await late.stop();
    }
  });
});

describe('random input', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  );
  const body = fc.dictionary(
    fc.constantFrom(
      'text',
      'action',
      'pid',
      'port',
      'step',
      'findingId',
      'label',
      'command',
      'platform',
      'intent',
      'x',
    ),
    value,
  );

  test('random bodies and ids at every session write: always a JSON 201/400/404/405/409, never a 5xx', async () => {
    const id = await newSession();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('notes', 'actions', 'copied'),
        fc.oneof(fc.constant(id), fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent)),
        body,
        async (word, sid, b) => {
          const res = await call('POST', `/api/sessions/${sid}/${word}`, b);
          expect([201, 400, 404, 405, 409]).toContain(res.status);
          expect(res.body).not.toBeNull();
          if (res.status !== 201) expect(typeof res.body.error.code).toBe('string');
        },
      ),
      { numRuns: 150 },
    );
  });
});
