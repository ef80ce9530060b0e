/**
 * POST /api/processes/{pid}/stop against real child processes that hold real ports: the route handler as
 * Next calls it (guard, JSON body, zod), the listing it relies on, and the signal it sends. Every child is
 * killed by its pid in afterAll, whatever a test left running.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { GET as listenersGET } from '@/app/api/listeners/route';
import { POST as stopPOST } from '@/app/api/processes/[pid]/stop/route';
import { isRoot, requireOrSkip, onLinux } from '@/__tests__/support/requirements';

const APP = '127.0.0.1:6280';
const NOBODY = 65534;
const repoRoot = path.resolve(__dirname, '../..');

interface Holder {
  pid: number;
  port: number;
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | null>;
}

const children: Holder[] = [];

/** A `node -e` child that listens on 127.0.0.1:0 and prints its port; optionally deaf to SIGTERM. */
async function startHolder(opts: { ignoreTerm?: boolean; uid?: number } = {}): Promise<Holder> {
  const script = [
    opts.ignoreTerm ? "process.on('SIGTERM', () => {});" : '',
    "const server = require('node:net').createServer();",
    "server.listen({ host: '127.0.0.1', port: 0 }, () => console.log(server.address().port));",
  ].join('\n');
  const ids = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.uid };
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], ...ids });
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_, signal) => r(signal)));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim())));
    child.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
  const holder = { pid: child.pid!, port, child, exited };
  children.push(holder);
  return holder;
}

afterAll(async () => {
  for (const h of children) {
    if (h.child.exitCode === null && h.child.signalCode === null) {
      process.kill(h.pid, 'SIGKILL');
      await h.exited;
    }
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** startedAt as the UI gets it: from GET /api/listeners?port=N. */
async function listedStartedAt(h: Holder): Promise<string> {
  const res = await listenersGET(
    new Request(`http://${APP}/api/listeners?port=${h.port}`, { headers: { host: APP } }),
  );
  const body = (await res.json()) as { listeners: { pid: number | null; startedAt: string | null }[] };
  const row = body.listeners.find((l) => l.pid === h.pid);
  if (!row?.startedAt) throw new Error(`pid ${h.pid} not listed on port ${h.port}`);
  return row.startedAt;
}

function stop(pid: number | string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://${APP}/api/processes/${pid}/stop`, {
    method: 'POST',
    headers: { host: APP, origin: `http://${APP}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return stopPOST(request, { params: Promise.resolve({ pid: String(pid) }) });
}

describe('POST /api/processes/{pid}/stop', () => {
  test('the process that holds the port, listed a moment ago, gets SIGTERM and exits', async () => {
    const h = await startHolder();
    const startedAt = await listedStartedAt(h);
    const res = await stop(h.pid, { port: h.port, startedAt });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stopped: true, signal: 'SIGTERM', pid: h.pid, port: h.port });
    expect(await h.exited).toBe('SIGTERM');
    expect(alive(h.pid)).toBe(false);
  });

  test('a process that ignores SIGTERM is reported still running after ~5 s; force then SIGKILLs it', async () => {
    const h = await startHolder({ ignoreTerm: true });
    const startedAt = await listedStartedAt(h);
    const forcedFirst = await stop(h.pid, { port: h.port, startedAt, force: true });
    expect(forcedFirst.status).toBe(409);
    expect((await forcedFirst.json()).error.code).toBe('term-first');

    const began = performance.now();
    const res = await stop(h.pid, { port: h.port, startedAt });
    const waited = performance.now() - began;
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ stopped: false, signal: 'SIGTERM', pid: h.pid });
    expect(body.message).toContain('force: true');
    expect(waited).toBeGreaterThan(4800);
    expect(waited).toBeLessThan(7000);
    expect(alive(h.pid)).toBe(true);

    const forced = await stop(h.pid, { port: h.port, startedAt, force: true });
    expect(forced.status).toBe(200);
    expect(await forced.json()).toMatchObject({ stopped: true, signal: 'SIGKILL', pid: h.pid });
    expect(await h.exited).toBe('SIGKILL');
  }, 20_000);

  describe('refusals leave the process running', () => {
    let h: Holder;
    let startedAt: string;
    beforeAll(async () => {
      h = await startHolder();
      startedAt = await listedStartedAt(h);
    });
    afterEach(() => expect(alive(h.pid)).toBe(true));

    const later = () => new Date(Date.parse(startedAt) - 3_600_000).toISOString();
    test.each([
      [
        'a port it does not hold',
        409,
        'not-holder',
        () => ({ pid: h.pid, body: { port: h.port === 65535 ? 65534 : h.port + 1, startedAt } }),
      ],
      ['pid 1', 403, 'protected-process', () => ({ pid: 1, body: { port: h.port, startedAt } })],
      [
        'the test runner itself (the "app")',
        403,
        'protected-process',
        () => ({ pid: process.pid, body: { port: h.port, startedAt } }),
      ],
      [
        'the app’s parent',
        403,
        'protected-process',
        () => ({ pid: process.ppid, body: { port: h.port, startedAt } }),
      ],
      [
        'a start time that changed (pid reuse)',
        409,
        'process-changed',
        () => ({ pid: h.pid, body: { port: h.port, startedAt: later() } }),
      ],
      [
        'no startedAt (it is required: the start time is what rules out pid reuse)',
        400,
        'invalid-input',
        () => ({ pid: h.pid, body: { port: h.port } }),
      ],
      [
        'startedAt null (the listing could not read it)',
        403,
        'start-time-unknown',
        () => ({ pid: h.pid, body: { port: h.port, startedAt: null } }),
      ],
      [
        'a startedAt that is not a date',
        400,
        'invalid-input',
        () => ({ pid: h.pid, body: { port: h.port, startedAt: 'yesterday-ish' } }),
      ],
      [
        'a port given as a string',
        400,
        'invalid-input',
        () => ({ pid: h.pid, body: { port: String(h.port), startedAt } }),
      ],
      [
        'an unknown field ("forced")',
        400,
        'invalid-input',
        () => ({ pid: h.pid, body: { port: h.port, startedAt, forced: true } }),
      ],
      ['pid 0 (a process group)', 400, 'invalid-input', () => ({ pid: 0, body: { port: h.port } })],
      ['a pid that is not a number', 400, 'invalid-input', () => ({ pid: '12abc', body: { port: h.port } })],
      ['a body that is not JSON', 400, 'invalid-json', () => ({ pid: h.pid, body: 'port=1' })],
    ])('%s → %s %s', async (_, status, code, input) => {
      const { pid, body } = input();
      const res = await stop(pid, body);
      expect(res.status).toBe(status);
      const json = await res.json();
      expect(json.error.code).toBe(code);
      expect(json.error.message.length).toBeGreaterThan(10);
    });

    test('a pid in the body cannot retarget the URL: the path’s pid is the one judged', async () => {
      const res = await stop(h.pid, { pid: 1, port: h.port === 65535 ? 65534 : h.port + 1, startedAt });
      expect((await res.json()).error.code).toBe('not-holder'); // pid 1 would have been protected-process
    });

    test('a body over 16 KB is 413, unread', async () => {
      const res = await stop(h.pid, { port: h.port, startedAt: 'x'.repeat(20_000) });
      expect(res.status).toBe(413);
    });

    test('a pid with no process is 404 not-found', async () => {
      const gone = await startHolder();
      process.kill(gone.pid, 'SIGKILL');
      await gone.exited;
      const res = await stop(gone.pid, { port: h.port, startedAt });
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not-found');
    });

    test('a cross-site POST (no Origin) is 403 before anything is read', async () => {
      const res = await stopPOST(
        new Request(`http://${APP}/api/processes/${h.pid}/stop`, {
          method: 'POST',
          headers: { host: APP, 'content-type': 'application/json' },
          body: JSON.stringify({ port: h.port }),
        }),
        { params: Promise.resolve({ pid: String(h.pid) }) },
      );
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('origin-not-allowed');
    });

    test('a form-encoded body (what a cross-site form could send) is 415', async () => {
      const res = await stop(h.pid, `port=${h.port}`, {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(res.status).toBe(415);
    });
  });
});

onLinux('another user’s process', () => {
  /** A checkout under a private folder cannot be read by nobody; that is the host's doing, not ours. */
  const cli = path.join(__dirname, '..', 'support', 'stop-process-cli.ts');
  const nobodyCanRun = () =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `require('fs').accessSync(${JSON.stringify(cli)}); require.resolve('tsx', { paths: [${JSON.stringify(repoRoot)}] })`,
      ],
      { uid: NOBODY, gid: NOBODY, stdio: 'ignore' },
    ).status === 0;

  test('an app running as nobody refuses to stop a root-owned holder: 403 other-user, still running', async () => {
    if (!requireOrSkip(isRoot, 'root (to run the stop logic as another user)')) return;
    if (!requireOrSkip(nobodyCanRun(), `a checkout user nobody can read (${repoRoot})`)) return;
    const h = await startHolder(); // owned by root
    const startedAt = await listedStartedAt(h);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', cli, String(h.pid), String(h.port), startedAt],
      { cwd: repoRoot, uid: NOBODY, gid: NOBODY, timeout: 20_000 },
    );
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, status: 403, code: 'other-user' });
    expect(alive(h.pid)).toBe(true);
  }, 30_000);

  test('an app running as root may stop another user’s holder', async () => {
    if (!requireOrSkip(isRoot, 'root (to start a holder as another user)')) return;
    const h = await startHolder({ uid: NOBODY });
    const res = await stop(h.pid, { port: h.port, startedAt: await listedStartedAt(h) });
    expect(res.status).toBe(200);
    expect(await h.exited).toBe('SIGTERM');
  });
});
