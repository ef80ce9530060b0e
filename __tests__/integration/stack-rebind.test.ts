/**
 * The fixes name the user's own program: real Django, nginx and python http.server hold a port, the doctor
 * reads their command lines from /proc and offers each one's own command with only the port or address
 * changed. Ports are ones we proved free by binding them; 0.0.0.0 only inside a loopback-only namespace.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis, Finding } from '@/lib/diagnosis/types';
import { cleanupAll, closedPort } from '@/__tests__/support/servers';
import { createNamespace, canUseNetns, firstLine } from '@/__tests__/support/netns';
import { requireOrSkip } from '@/__tests__/support/requirements';
import { untilAccepting } from '@/__tests__/support/real-servers';

jest.setTimeout(90_000);

const root = join(__dirname, '..', '..');
const doctorArgs = (...args: string[]) => [
  join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
  '--conditions=react-server',
  join(root, 'bin', 'doctor.ts'),
  ...args,
];
const FAST = { connectMs: 700, bannerMs: 250, responseMs: 900 };
const NGINX = '/usr/sbin/nginx';
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
/** The python3 on PATH (CI: Debian's, with python3-django), else Debian's own. */
const djangoPython = ['python3', '/usr/bin/python3'].find(
  (py) => spawnSync(py, ['-c', 'import django'], { stdio: 'ignore' }).status === 0,
);

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((r) => c.once('exit', r));
    process.kill(c.pid, 'SIGTERM');
    await gone;
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  await cleanupAll();
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ld-stack-'));
  dirs.push(d);
  return d;
}

function start(cmd: string, args: string[], cwd?: string): ChildProcess {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  return child;
}

async function portTaken(port: number): Promise<{ finding: Finding; free: number }> {
  const r = await diagnose(`127.0.0.1:${port}`, { timeouts: FAST, intent: 'start' });
  if (!r.ok) throw new Error(r.error.message);
  const d: Diagnosis = r.diagnosis;
  const finding = d.findings.find((f) => f.id === 'port-taken');
  if (!finding) throw new Error(`no port-taken: ${d.findings.map((f) => f.id).join(', ')}`);
  const free = Number(finding.detail.match(/\u2014 (\d+) is free\./)?.[1]);
  expect(free).toBeGreaterThan(0);
  return { finding, free };
}

const commands = (f: Finding) => f.fixes.map((x) => x.command);

test('port-taken by Django runserver: its own manage.py command on the free port, keeping --noreload', async () => {
  if (!requireOrSkip(djangoPython !== undefined, 'Django (python3-django)')) return;
  const dir = tempDir();
  const made = spawnSync(djangoPython!, ['-m', 'django', 'startproject', 'ldsite', dir], {
    encoding: 'utf8',
  });
  expect(made.stderr).toBe('');
  const port = await closedPort();
  const server = start(djangoPython!, ['manage.py', 'runserver', `127.0.0.1:${port}`, '--noreload'], dir);
  await untilAccepting(port, server);
  const { finding, free } = await portTaken(port);
  // argv[0] is the interpreter as exec'd (a pyenv shim execs its real python3 by full path).
  const own = commands(finding).find((c) => /manage\.py runserver/.test(c));
  // manage.py is relative to the project: the fix starts there (/proc/<pid>/cwd), not in the doctor's directory.
  expect(own).toMatch(
    new RegExp(`^cd ${dir} && \\S*python3[\\d.]* manage\\.py runserver 127\\.0\\.0\\.1:${free} --noreload$`),
  );
  expect(commands(finding)).not.toContain(`PORT=${free}`);
  expect(commands(finding)).toContain(`kill ${server.pid}`);
  expect(finding.detail).toContain('runserver reads no PORT variable');
});

test('port-taken by python -m http.server: its own command on the free port, bound to 127.0.0.1', async () => {
  if (!requireOrSkip(spawnSync(PYTHON, ['--version']).status === 0, 'python3')) return;
  const port = await closedPort();
  const dir = tempDir();
  const server = start(PYTHON, ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], dir);
  await untilAccepting(port, server);
  const { finding, free } = await portTaken(port);
  // http.server serves the directory it runs in: the fix starts in that one.
  expect(commands(finding)).toContain(`cd ${dir} && ${PYTHON} -m http.server ${free} --bind 127.0.0.1`);
  expect(commands(finding)).not.toContain(`PORT=${free}`);
});

test('port-taken by nginx: the listen line, the -c file it was started with, and nginx -s reload with that -c', async () => {
  if (!requireOrSkip(existsSync(NGINX), 'nginx (nginx-light)')) return;
  const dir = tempDir();
  const port = await closedPort();
  const conf = join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${join(dir, t)};`)
    .join(' ');
  writeFileSync(
    conf,
    `worker_processes 1; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};\n` +
      `events {}\nhttp { access_log off; ${temp}\n  server { listen 127.0.0.1:${port}; return 200 "ok"; } }\n`,
  );
  const server = start(NGINX, ['-e', join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;']);
  await untilAccepting(port, server);
  const { finding, free } = await portTaken(port);
  const edit = finding.fixes.find((f) => f.shell === 'code')!;
  expect(edit.command).toBe(`listen 127.0.0.1:${free};`);
  expect(edit.label).toContain(`(in ${conf}, named on its command line)`);
  expect(commands(finding)).toEqual(
    expect.arrayContaining([
      // Test and reload name the same -c, or they read another file (-e is not needed for that).
      `${NGINX} -c ${conf} -t`,
      `${NGINX} -c ${conf} -s reload`,
    ]),
  );
  expect(commands(finding)).not.toContain(`PORT=${free}`);
});

test('wildcard-exposed http.server on 0.0.0.0 (in a loopback-only namespace): its own command with --bind 127.0.0.1', async () => {
  if (!requireOrSkip(canUseNetns, 'root and `ip netns` (to bind 0.0.0.0 where no network can see it)'))
    return;
  const ns = createNamespace();
  try {
    // -u: the "Serving HTTP on … port N" line reaches the pipe at once.
    const server = ns.spawn(PYTHON, ['-u', '-m', 'http.server', '0', '--bind', '0.0.0.0']);
    const port = Number((await firstLine(server)).match(/ port (\d+) /)?.[1]);
    expect(port).toBeGreaterThan(0);
    const out = ns.exec(process.execPath, doctorArgs(`127.0.0.1:${port}`, '--json'));
    const body = JSON.parse(out.stdout) as Diagnosis;
    const f = body.findings.find((x) => x.id === 'wildcard-exposed')!;
    expect(f.title).toBe(`Port ${port} is reachable from other machines (0.0.0.0:${port})`);
    expect(commands(f)).toContain(`${PYTHON} -u -m http.server ${port} --bind 127.0.0.1`);
    expect(f.fixes.map((x) => x.label)).not.toContain('Restart it on 127.0.0.1 only: Django');
  } finally {
    await ns.destroy();
  }
});
