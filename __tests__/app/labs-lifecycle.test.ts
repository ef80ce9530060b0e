/**
 * The labs' edges against the running app: bad input and unknown labs or runs, the cap on concurrent runs,
 * reset, the progress export, a paused store (labs still run, progress says it is not saved, never a 5xx),
 * and stopping the app, which ends every lab process and namespace it started.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../support/app-server';
import { goneFromProc, labApi, namespaces, type LabRun, type RunDetail } from '../support/lab-client';
import { canUseNetns } from '../support/netns';
import { isRoot, requireOrSkip } from '../support/requirements';
import { HIGH_LIMITS } from '../support/limits';

jest.setTimeout(120_000);

let app: RunningApp;
let api: ReturnType<typeof labApi>;

beforeAll(async () => {
  // Four labs walked at once make far more than 10 requests a second: the rate limit is not under test here.
  app = await startApp({ RATE_LIMITS: HIGH_LIMITS });
  api = labApi(app);
});
afterAll(async () => {
  await app?.stop();
});

const UNKNOWN_RUN = '00000000-0000-4000-8000-000000000000';

async function start(labId: string): Promise<{ run: LabRun; detail: RunDetail }> {
  const res = await api.post<{ run: LabRun }>(`/api/labs/${labId}/start`);
  expect(res.status).toBe(201);
  const detail = await api.get<RunDetail>(`/api/labs/runs/${res.json.run.id}`);
  return { run: res.json.run, detail: detail.json };
}

test('unknown labs and runs are 404, bad input is 400, a write without the app’s Origin is 403', async () => {
  expect((await api.post('/api/labs/no-such-lab/start')).json).toEqual({
    error: { code: 'unknown-lab', message: expect.any(String) },
  });
  for (const action of ['answer', 'check', 'stop', 'reset']) {
    const body = action === 'answer' ? { findingId: 'no-listener' } : {};
    const res = await api.post(`/api/labs/runs/${UNKNOWN_RUN}/${action}`, body);
    expect([action, res.status]).toEqual([action, 404]);
  }
  expect((await api.get(`/api/labs/runs/${UNKNOWN_RUN}`)).status).toBe(404);
  expect((await api.get(`/api/diagnose?target=127.0.0.1:1&lab=${UNKNOWN_RUN}`)).status).toBe(404);
  expect((await api.post('/api/labs/runs/not-a-run/stop')).status).toBe(400);
  expect((await api.get('/api/labs/progress?format=xml')).status).toBe(400);

  const { run } = await start('broken-app');
  const bad = await api.post(`/api/labs/runs/${run.id}/answer`, { findingId: 'not-a-finding' });
  expect(bad.status).toBe(400);
  expect((await api.post(`/api/labs/runs/${run.id}/answer`, {})).status).toBe(400);
  const elsewhere = await api.post(`/api/labs/runs/${run.id}/check`, { target: '127.0.0.1:1' });
  expect(elsewhere.status).toBe(409);
  const { rawRequest } = await import('../support/app-server');
  const noOrigin = await rawRequest(`${app.url}/api/labs/runs/${run.id}/stop`, {
    method: 'POST',
    headers: { host: `127.0.0.1:${app.port}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(noOrigin.status).toBe(403);
  expect((await api.post(`/api/labs/runs/${run.id}/stop`)).json).toEqual({ stopped: true });
});

test('at most 4 labs run at once: the fifth start is 409 until one stops', async () => {
  const runs = await Promise.all([1, 2, 3, 4].map(() => start('wrong-loopback')));
  const fifth = await api.post('/api/labs/wrong-loopback/start');
  expect(fifth.status).toBe(409);
  expect(fifth.json).toEqual({ error: { code: 'too-many-labs', message: expect.stringContaining('4') } });
  await api.post(`/api/labs/runs/${runs[0]!.run.id}/stop`);
  const again = await start('wrong-loopback');
  await Promise.all([...runs.slice(1), again].map((r) => api.post(`/api/labs/runs/${r.run.id}/stop`)));
});

test('reset ends what the run started and builds the situation again under the same run', async () => {
  const { run, detail } = await start('stuck-service');
  const reset = await api.post<{ run: LabRun }>(`/api/labs/runs/${run.id}/reset`);
  expect(reset.status).toBe(200);
  expect(reset.json.run.id).toBe(run.id);
  for (const p of detail.processes) expect(goneFromProc(p.pid)).toBe(true);
  const after = (await api.get<RunDetail>(`/api/labs/runs/${run.id}`)).json;
  expect(after.processes.every((p) => p.running && !goneFromProc(p.pid))).toBe(true);
  expect(after.processes.map((p) => p.pid)).not.toEqual(detail.processes.map((p) => p.pid));
  await api.post(`/api/labs/runs/${run.id}/stop`);
  for (const p of after.processes) expect(goneFromProc(p.pid)).toBe(true);
});

test('progress exports as JSON and as CSV for a teacher', async () => {
  const { run } = await start('broken-app');
  await api.post(`/api/labs/runs/${run.id}/answer`, { findingId: 'no-listener' });
  await api.post(`/api/labs/runs/${run.id}/stop`);
  const json = await api.get<{ runs: { runId: string; labId: string; attempts: number }[] }>(
    '/api/labs/progress?format=json',
  );
  expect(json.json.runs).toContainEqual(
    expect.objectContaining({ runId: run.id, labId: 'broken-app', attempts: 1 }),
  );
  const csv = await api.get<string>('/api/labs/progress?format=csv');
  expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  expect(csv.body.split('\n')[0]).toBe('lab_id,run_id,started_at,attempts,solved_at,seconds_to_solve');
  expect(csv.body).toContain(`broken-app,${run.id},`);
});

test('with the store paused, labs still run and say progress is not saved; nothing is a 5xx', async () => {
  const blocker = mkdtempSync(join(tmpdir(), 'ld-lab-blocked-'));
  writeFileSync(join(blocker, 'file'), '');
  // DATA_DIR under a regular file: the store can never open it.
  const paused = await startApp({ DATA_DIR: join(blocker, 'file', 'data') });
  try {
    const p = labApi(paused);
    const started = await p.post<{ run: LabRun & { unsaved?: string } }>('/api/labs/broken-app/start');
    expect(started.status).toBe(201);
    expect(started.json.run.unsaved).toEqual(expect.any(String));
    const answer = await p.post<{ correct: boolean; unsaved?: string }>(
      `/api/labs/runs/${started.json.run.id}/answer`,
      { findingId: 'http-error' },
    );
    expect(answer.json).toEqual(expect.objectContaining({ correct: true, unsaved: expect.any(String) }));
    const list = await p.get<{ progressUnavailable?: string }>('/api/labs');
    expect(list.status).toBe(200);
    expect(list.json.progressUnavailable).toEqual(expect.any(String));
    expect((await p.get('/api/labs/progress?format=csv')).status).toBe(200);
    expect((await p.post(`/api/labs/runs/${started.json.run.id}/stop`)).status).toBe(200);
  } finally {
    await paused.stop();
    rmSync(blocker, { recursive: true, force: true });
  }
});

test('stopping the app (SIGTERM) ends every process and namespace its labs started', async () => {
  const own = await startApp();
  const p = labApi(own);
  const ids = ['ipv6-only', 'port-conflict'];
  if (isRoot && canUseNetns) ids.push('firewall-drop');
  else requireOrSkip(false, 'root with ip netns (a lab namespace to clean up)');
  const details: RunDetail[] = [];
  for (const id of ids) {
    const res = await p.post<{ run: LabRun }>(`/api/labs/${id}/start`);
    expect(res.status).toBe(201);
    details.push((await p.get<RunDetail>(`/api/labs/runs/${res.json.run.id}`)).json);
  }
  const pids = details.flatMap((d) => d.processes.map((x) => x.pid));
  expect(pids.every((pid) => !goneFromProc(pid))).toBe(true);
  await own.stop();
  for (const pid of pids) expect(goneFromProc(pid)).toBe(true);
  for (const d of details) if (d.namespace) expect(namespaces()).not.toContain(d.namespace);
});
