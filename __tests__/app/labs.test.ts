/**
 * Every lab against the running app, the way a learner goes through it: start it, diagnose its target with
 * /api/diagnose and get the finding it teaches, answer wrongly then rightly, check before the fix (not
 * solved), perform the fix for real, check again (solved), stop it, and prove from /proc that nothing it
 * started is left and that its port binds again (or its namespace is gone). Four labs at a time: the app's cap.
 */
import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startApp, stopChild, type RunningApp } from '../support/app-server';
import {
  bindsAgain,
  goneFromProc,
  labApi,
  limiter,
  namespaces,
  pidsMentioning,
  type Diagnosis,
  type LabRun,
  type RunDetail,
} from '../support/lab-client';
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

const SERVICE = join(repoRoot, 'lib', 'labs', 'servers', 'lab-service.mjs');

/** What the learner does in their terminal; returns the address to check and what to clean up after. */
type FixAction = (
  detail: RunDetail,
  diagnosis: Diagnosis,
) => Promise<{ checkTarget?: string; cleanup?: () => Promise<void> }>;

const pid = (d: RunDetail) => d.processes[0]!.pid;
const portOf = (d: RunDetail) => Number(/:(\d+)$/.exec(d.run.target)![1]);
const rebindTo =
  (host: string): FixAction =>
  async (d) => {
    writeFileSync(join(d.directory, 'server.json'), JSON.stringify({ host, port: portOf(d) }));
    process.kill(pid(d), 'SIGHUP');
    return {};
  };

async function freeFixedPort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if ((await bindsAgain('127.0.0.1', port)) && (await bindsAgain('127.0.0.2', port))) return port;
  }
}

const FIXES: Record<string, FixAction> = {
  'crashed-service': async (d) => {
    // The lab's own fix: start the service again (a process of the learner's, so the test stops it).
    const again: ChildProcess = spawn(process.execPath, [SERVICE, d.directory], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((r) => again.stdout!.once('data', r));
    return { cleanup: () => stopChild(again) };
  },
  'ipv6-only': rebindTo('127.0.0.1'),
  'wrong-loopback': rebindTo('127.0.0.1'),
  'exposed-dev-server': rebindTo('127.0.0.1'),
  'port-conflict': async (d, diagnosis) => {
    // The doctor's own Stop button: POST /api/processes/{pid}/stop with the finding's action.
    const action = diagnosis.findings
      .find((f) => f.id === 'port-taken')!
      .actions!.find((a) => a.pid === pid(d))!;
    const stopped = await api.post(`/api/processes/${action.pid}/stop`, {
      port: action.port,
      startedAt: action.startedAt,
    });
    expect(stopped.status).toBe(200);
    return {};
  },
  'stuck-service': async (d) => {
    rmSync(join(d.directory, 'app.lock'));
    return {};
  },
  'tls-as-http': async (d) => ({ checkTarget: `https://127.0.0.1:${portOf(d)}` }),
  'broken-app': async (d) => {
    writeFileSync(join(d.directory, 'settings.json'), JSON.stringify({ database: 'sqlite:///tmp/x.db' }));
    return {};
  },
  'moving-port': async (d) => {
    const port = await freeFixedPort();
    writeFileSync(join(d.directory, 'server.json'), JSON.stringify({ host: '127.0.0.1', port }));
    process.kill(pid(d), 'SIGHUP');
    return { checkTarget: `127.0.0.1:${port}` };
  },
  'firewall-drop': async (d) => {
    execFileSync('ip', ['netns', 'exec', d.namespace!, 'nft', 'delete', 'table', 'inet', 'ld_lab']);
    return {};
  },
  'firewall-reject': async (d) => {
    execFileSync('ip', ['netns', 'exec', d.namespace!, 'nft', 'delete', 'table', 'inet', 'ld_lab']);
    return {};
  },
};

const ROOT_LABS = ['firewall-drop', 'firewall-reject', 'exposed-dev-server'];
const slot = limiter(4);

interface Listed {
  labs: {
    id: string;
    teaches: string;
    needsRoot: boolean;
    available: boolean;
    progress: { attempts: number; solved: boolean };
  }[];
}

test('GET /api/labs lists every lab with what it teaches; the root labs say so', async () => {
  const res = await api.get<Listed>('/api/labs');
  expect(res.status).toBe(200);
  expect(res.json.labs.map((l) => l.id).sort()).toEqual(Object.keys(FIXES).sort());
  expect(
    res.json.labs
      .filter((l) => l.needsRoot)
      .map((l) => l.id)
      .sort(),
  ).toEqual([...ROOT_LABS].sort());
  // Eight labs without root, each teaching a different cause.
  const plain = res.json.labs.filter((l) => !l.needsRoot);
  expect(plain).toHaveLength(8);
  expect(new Set(plain.map((l) => l.teaches)).size).toBe(8);
});

async function walk(labId: string): Promise<void> {
  const teaches = (await api.get<Listed>('/api/labs')).json.labs.find((l) => l.id === labId)!.teaches;
  const started = await api.post<{ run: LabRun }>(`/api/labs/${labId}/start`);
  expect(started.status).toBe(201);
  const { run } = started.json;
  expect(run).toEqual(
    expect.objectContaining({ labId, target: expect.any(String), startedAt: expect.any(String) }),
  );
  const detail = (await api.get<RunDetail>(`/api/labs/runs/${run.id}`)).json;
  expect(detail.processes.length).toBeGreaterThan(0);

  // The engine, through the API, names the cause the lab teaches.
  const q = new URLSearchParams({ target: run.target, intent: run.intent });
  if (detail.namespace) q.set('lab', run.id);
  const diagnosed = await api.get<Diagnosis>(`/api/diagnose?${q}`);
  expect(diagnosed.status).toBe(200);
  const taught = diagnosed.json.findings.find((f) => f.id === teaches);
  expect(taught?.severity).toMatch(/error|warning|info/);
  // Where the lab's cause is the root cause, the headline names it (moving-port: nothing listens on the bookmark).
  if (labId !== 'moving-port') expect(diagnosed.json.summary.cause).toBe(teaches);

  const wrongId = detail.choices.map((c) => c.findingId).find((id) => id !== teaches)!;
  const wrong = await api.post<{ correct: boolean; explanation: string }>(`/api/labs/runs/${run.id}/answer`, {
    findingId: wrongId,
  });
  expect(wrong.status).toBe(200);
  expect(wrong.json.correct).toBe(false);
  const right = await api.post<{ correct: boolean; explanation: string }>(`/api/labs/runs/${run.id}/answer`, {
    findingId: teaches,
  });
  expect(right.json.correct).toBe(true);
  // The explanation quotes this run's facts: its port and the pid of the process it started.
  const port = portOf(detail);
  expect(right.json.explanation).toContain(String(port));
  expect(right.json.explanation).toContain(String(detail.processes[0]!.pid));

  const before = await api.post<{ solved: boolean; hint: string }>(`/api/labs/runs/${run.id}/check`);
  expect(before.status).toBe(200);
  expect(before.json).toEqual({ solved: false, hint: expect.stringContaining('Not yet') });

  const fixed = await FIXES[labId]!(detail, diagnosed.json);
  try {
    const after = await api.post<{ solved: boolean; hint: string }>(
      `/api/labs/runs/${run.id}/check`,
      fixed.checkTarget ? { target: fixed.checkTarget } : {},
    );
    expect(after.json).toEqual({ solved: true, hint: expect.stringContaining('Solved') });
  } finally {
    await fixed.cleanup?.();
  }

  const stopped = await api.post(`/api/labs/runs/${run.id}/stop`);
  expect(stopped.status).toBe(200);
  expect(stopped.json).toEqual({ stopped: true });
  for (const p of detail.processes) expect(goneFromProc(p.pid)).toBe(true);
  expect(pidsMentioning(detail.directory)).toEqual([]);
  if (detail.namespace) expect(namespaces()).not.toContain(detail.namespace);
  else expect(await bindsAgain('127.0.0.1', port)).toBe(true);
  expect((await api.get(`/api/labs/runs/${run.id}`)).status).toBe(404);

  const progress = (await api.get<Listed>('/api/labs')).json.labs.find((l) => l.id === labId)!.progress;
  expect(progress).toEqual({ attempts: 2, solved: true, bestSeconds: expect.any(Number) });
}

const ipv6Loopback = () => bindsAgain('::1', 0);

test.concurrent.each(Object.keys(FIXES).filter((id) => !ROOT_LABS.includes(id)))(
  'lab %s: diagnosed as it teaches, answered, fixed for real, solved, stopped without a trace',
  async (labId) => {
    if (labId === 'ipv6-only' && !requireOrSkip(await ipv6Loopback(), 'an IPv6 loopback address (::1)'))
      return;
    await slot(() => walk(labId));
  },
);

test.concurrent.each(ROOT_LABS)(
  'root lab %s, inside its own network namespace: diagnosed there, fixed, solved, namespace gone',
  async (labId) => {
    if (!requireOrSkip(isRoot && canUseNetns, 'root with ip netns (labs in a network namespace)')) return;
    await slot(() => walk(labId));
  },
);
