/**
 * A real nginx, master as root and two workers as `nobody` (`user nobody;`), asked with intent=start, by
 * root and by the normal user nobody: the port belongs to the master, every holder is listed as ss lists
 * them, and no stop is offered for a worker (the master would start another; the port stays held).
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis, Finding } from '@/lib/diagnosis/types';
import { listListeners } from '@/lib/host/listeners';
import { closedPort } from '@/__tests__/support/servers';
import { isRoot, requireOrSkip } from '@/__tests__/support/requirements';

const NGINX = '/usr/sbin/nginx';
const NOBODY = 65534;
const repoRoot = resolve(__dirname, '../../..');
const doctor = join(repoRoot, 'bin', 'doctor.ts');
jest.setTimeout(90000);

let master: ChildProcess | null = null;
let dir: string | null = null;
afterEach(async () => {
  if (master?.pid !== undefined && master.exitCode === null && master.signalCode === null) {
    const gone = new Promise((r) => master!.once('exit', r));
    process.kill(master.pid, 'SIGTERM'); // nginx's fast shutdown ends its workers too
    await gone;
  }
  master = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

/** nginx with two workers; resolves when the kernel lists the socket with three holders. */
async function startPrefork(): Promise<{ port: number; masterPid: number; workers: number[] }> {
  dir = mkdtempSync(join(tmpdir(), 'ld-prefork-'));
  chmodSync(dir, 0o755);
  const port = await closedPort();
  const conf = join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${join(dir!, t)};`)
    .join(' ');
  writeFileSync(
    conf,
    `user nobody nogroup; worker_processes 2; error_log ${join(dir, 'error.log')};\n` +
      `events {}\nhttp { access_log off; ${temp}\n  server { listen 127.0.0.1:${port}; return 204; } }\n`,
  );
  master = spawn(
    NGINX,
    ['-c', conf, '-p', dir, '-e', join(dir, 'error.log'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`],
    { stdio: 'ignore' },
  );
  const until = Date.now() + 20000;
  for (;;) {
    const [l] = (await listListeners({ port, protocols: ['tcp'] })).listeners;
    if (l?.holders && l.holders.length === 3)
      return {
        port,
        masterPid: master.pid!,
        workers: l.holders.map((h) => h.pid).filter((p) => p !== master!.pid),
      };
    if (Date.now() > until || master.exitCode !== null) throw new Error('nginx did not start with 2 workers');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const portTaken = (d: Diagnosis): Finding => {
  const f = d.findings.find((x) => x.id === 'port-taken');
  if (!f) throw new Error(`no port-taken: ${d.findings.map((x) => x.id).join(', ')}`);
  return f;
};

/** No fix or action stops a worker: the commands mention no worker pid at all. */
function expectNoWorkerStopped(f: Finding, workers: number[]): void {
  for (const w of workers) {
    expect(f.fixes.map((x) => x.command).join('\n')).not.toMatch(new RegExp(`\\b${w}\\b`));
    expect((f.actions ?? []).map((a) => a.pid)).not.toContain(w);
  }
}

function nobodyCanRun(): boolean {
  const probe = `require('fs').accessSync(${JSON.stringify(doctor)}); require.resolve('tsx', { paths: [${JSON.stringify(repoRoot)}] })`;
  return (
    spawnSync(process.execPath, ['-e', probe], { uid: NOBODY, gid: NOBODY, stdio: 'ignore' }).status === 0
  );
}

test('seen by root: every holder listed, the master named and the only one offered to stop', async () => {
  if (!requireOrSkip(existsSync(NGINX), 'nginx (nginx-light)')) return;
  if (!requireOrSkip(isRoot, 'root (nginx master as root, workers as nobody)')) return;
  const { port, masterPid, workers } = await startPrefork();
  const [l] = (await listListeners({ port, protocols: ['tcp'] })).listeners;
  expect(l).toMatchObject({ pid: masterPid, process: 'nginx', user: 'root' });
  expect(l!.lifetimeOwner).toMatchObject({ pid: masterPid, confirmed: true, user: 'root' });
  expect(l!.holders!.filter((h) => h.pid !== masterPid)).toEqual(
    workers.map((pid) => expect.objectContaining({ pid, process: 'nginx', user: 'nobody', confirmed: true })),
  );

  const r = await diagnose(`127.0.0.1:${port}`, { intent: 'start' });
  if (!r.ok) throw new Error(r.error.message);
  const f = portTaken(r.diagnosis);
  expect(f.title).toBe(`Port ${port} is already taken by nginx (pid ${masterPid})`);
  expect(f.detail).toContain(`“nginx” (pid ${masterPid}, root) is the master`);
  expect(f.detail).toContain('Stopping a worker frees nothing');
  expect((f.actions ?? []).map((a) => a.pid)).toEqual([masterPid]);
  expectNoWorkerStopped(f, workers);
});

test('seen by the normal user nobody: the root master is named from the workers’ parent, with sudo', async () => {
  if (!requireOrSkip(existsSync(NGINX), 'nginx (nginx-light)')) return;
  if (!requireOrSkip(isRoot, 'root (to start nginx and run the doctor as nobody)')) return;
  if (!nobodyCanRun()) {
    console.warn(
      `\n*** SKIPPED: user nobody cannot read ${repoRoot}, so the doctor cannot run as nobody. ***\n`,
    );
    return;
  }
  const { port, masterPid, workers } = await startPrefork();
  const data = mkdtempSync(join(tmpdir(), 'ld-prefork-data-'));
  chmodSync(data, 0o777);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        doctor,
        `127.0.0.1:${port}`,
        '--json',
        '--intent',
        'start',
      ],
      {
        cwd: repoRoot,
        uid: NOBODY,
        gid: NOBODY,
        timeout: 60_000,
        env: { ...process.env, DATA_DIR: data, HOME: '/' },
      },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' })); // exit 1: an error finding
    const d = JSON.parse(stdout) as Diagnosis;
    const f = portTaken(d);
    expect(f.title).toBe(`Port ${port} is already taken by nginx (pid ${masterPid})`);
    expect(f.detail).toContain('is the master');
    expect(f.detail).toContain('its descriptors are not readable to you');
    expect(f.fixes.map((x) => x.command)).toContain(`sudo kill ${masterPid}`);
    expect(f.actions ?? []).toEqual([]); // another user's process: the doctor cannot stop it for you
    expectNoWorkerStopped(f, workers);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
});
