/**
 * Case files against the running app: a session holding a real diagnosis of a server with secrets on its
 * command line is exported as Markdown, JSON and HTML without them; the JSON opens again as a read-only
 * session with the same findings; anything else sent to the import is a 4xx with a reason.
 */
import { rmSync } from 'node:fs';
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Diagnosis, Facts } from '@/lib/diagnosis/types';
import { HIGH_LIMITS } from '../support/limits';
import { startApp, type RunningApp } from '../support/app-server';
import { leaks, SECRETS, startSecretServer, type SecretServer } from '../integration/cases/secret-server';
import { dataDirWithSession, diagnosed, get, importCase, storedSession } from './cases-support';

let server: SecretServer;
let app: RunningApp;
let dataDir: string;
let sessionId: string;
let diagnosis: Diagnosis;

beforeAll(async () => {
  server = await startSecretServer();
  diagnosis = await diagnosed(`127.0.0.1:${server.port}`);
  ({ dataDir, sessionId } = dataDirWithSession(diagnosis, `tried --token ${SECRETS.password}x again`));
  app = await startApp({ DATA_DIR: dataDir, RATE_LIMITS: HIGH_LIMITS, HOME: server.home }, 120_000);
}, 150_000);
afterAll(async () => {
  await app?.stop();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/sessions/{id}/report', () => {
  test.each([
    ['md', /^text\/markdown/],
    ['json', /^application\/json/],
    ['html', /^text\/html/],
  ])('format=%s is a download without the secrets or the home path', async (format, type) => {
    const res = await get(app, `/api/sessions/${sessionId}/report?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="localhost-doctor-case-127-0-0-1-${server.port}-\\d{8}-\\d{4}\\.${format}"$`,
      ),
    );
    expect(res.body).toContain(`127.0.0.1:${server.port}`);
    expect(leaks(res.body, server.home)).toEqual([]);
  });

  test('redact=false gives the file as it is (so the check above can see a leak)', async () => {
    const res = await get(app, `/api/sessions/${sessionId}/report?format=json&redact=false`);
    expect(leaks(res.body, server.home)).toEqual(
      expect.arrayContaining([SECRETS.password, SECRETS.apiKey, SECRETS.urlPassword]),
    );
  });

  test('the preview lists each redaction, and keep= leaves exactly that one in', async () => {
    const preview = await get(app, `/api/sessions/${sessionId}/redactions`);
    expect(preview.status).toBe(200);
    const { redactions } = JSON.parse(preview.body) as {
      redactions: { id: string; kind: string; original: string; where: string }[];
    };
    const pw = redactions.find((r) => r.original === SECRETS.password)!;
    expect(pw.kind).toBe('secret-argument');
    expect(redactions.find((r) => r.original === SECRETS.apiKey)).toBeDefined();
    expect(redactions.find((r) => r.original === server.home)?.kind).toBe('home-path');
    const kept = await get(app, `/api/sessions/${sessionId}/report?format=md&keep=${pw.id}`);
    expect(leaks(kept.body, server.home)).toEqual([SECRETS.password]);
  });

  test('an unknown session is 404 and a bad query is 400, with reasons', async () => {
    const missing = await get(app, '/api/sessions/no-such-session/report?format=md');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.code).toBe('session-not-found');
    const bad = await get(app, `/api/sessions/${sessionId}/report?format=pdf`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('format must be md, json or html');
  });
});

describe('POST /api/reports/import', () => {
  test('export → import opens a read-only session with the same findings, which this engine re-checks alike', async () => {
    const exported = await get(app, `/api/sessions/${sessionId}/report?format=json`);
    expect(exported.body.length).toBeGreaterThan(16 * 1024);
    const res = await importCase(app, exported.body);
    expect(res.status).toBe(201);
    const { session } = JSON.parse(res.body) as { session: { id: string } };
    const stored = storedSession(dataDir, session.id);
    expect(stored.session).toMatchObject({ readOnly: true, target: `127.0.0.1:${server.port}` });
    expect(stored.session!.importedFrom).toMatch(
      /^Linux machine, captured \d\d:\d\d UTC on \d{4}-\d\d-\d\d$/,
    );
    const imported = stored.entries.find((e) => e.kind === 'diagnosis')!.payload as { diagnosis: Diagnosis };
    const ids = diagnosis.findings.map((f) => f.id);
    expect(imported.diagnosis.findings.map((f) => f.id)).toEqual(ids);
    expect(runChecks(imported.diagnosis.facts as Facts).findings.map((f) => f.id)).toEqual(ids);
    expect(stored.entries.map((e) => e.kind)).toEqual(['diagnosis', 'note']);
  });

  test('a file from a newer doctor, a non-case file and broken JSON are 400 with the reason', async () => {
    const exported = JSON.parse((await get(app, `/api/sessions/${sessionId}/report?format=json`)).body);
    const newer = await importCase(app, JSON.stringify({ ...exported, schemaVersion: 2 }));
    expect(newer.status).toBe(400);
    expect(JSON.parse(newer.body).error.message).toContain(
      'made by a newer Localhost Doctor (version 2); update to open it',
    );
    const other = await importCase(app, '{"hello":"world"}');
    expect(other.status).toBe(400);
    expect(JSON.parse(other.body).error.message).toContain('no schemaVersion');
    const broken = await importCase(app, '{"schemaVersion": 1,');
    expect(broken.status).toBe(400);
  });

  test('without this app\u2019s Origin it is refused; a body past 5 MB is 413', async () => {
    const foreign = await importCase(app, '{}', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const huge = await importCase(
      app,
      JSON.stringify({ schemaVersion: 1, pad: 'x'.repeat(5 * 1024 * 1024) }),
    );
    expect(huge.status).toBe(413);
  });
});
