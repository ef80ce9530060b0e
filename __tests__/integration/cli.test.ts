/** `npm run doctor`: the same diagnosis for a terminal, as a real process, with its exit codes. */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupAll, closedPort, startHttpServer } from '@/__tests__/support/servers';
import { createNamespace, canUseNetns, firstLine } from '@/__tests__/support/netns';
import { isRoot, requireOrSkip } from '@/__tests__/support/requirements';

const root = join(__dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const doctorArgs = (...args: string[]) => [
  tsxCli,
  '--conditions=react-server',
  join(root, 'bin', 'doctor.ts'),
  ...args,
];

function runDoctor(
  args: string[],
  options: SpawnOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, doctorArgs(...args), {
      cwd: root,
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

afterEach(cleanupAll);
jest.setTimeout(30_000);

test('bad input exits 2 with a sentence that says what was expected', async () => {
  const r = await runDoctor(['not an address']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('like 127.0.0.1:62893');
});

test('a closed port exits 1 and prints the four steps with this OS\u2019s commands', async () => {
  const port = await closedPort();
  const r = await runDoctor([`127.0.0.1:${port}`]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`✗ Nothing is listening on port ${port}`);
  expect(r.stdout).toContain('Start the service');
  expect(r.stdout).toContain('Open the address');
  expect(r.stdout).toContain(`python manage.py runserver 127.0.0.1:${port}`);
});

test('a target whose path carries shell syntax is printed inside single quotes in every command', async () => {
  const port = await closedPort();
  const r = await runDoctor([`localhost:${port}/?$(touch\${IFS}/tmp/ld-never)`]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`curl -v 'http://localhost:${port}/?$(touch\${IFS}/tmp/ld-never)'`);
  expect(r.stdout).not.toMatch(/curl -v http:\/\/localhost:\d+\/\?\$\(/);
});

test('a host name with shell syntax is bad input: exit 2, nothing diagnosed', async () => {
  const r = await runDoctor(['a;id;.localhost:7001']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('is not a host name');
});

test('--json prints the API\u2019s shape and exits 0 when nothing is an error', async () => {
  const s = await startHttpServer((_, res) => res.end('<title>cli</title>'));
  const r = await runDoctor([`127.0.0.1:${s.port}`, '--json']);
  expect(r.code).toBe(0);
  const body = JSON.parse(r.stdout);
  expect(Object.keys(body).sort()).toEqual(['facts', 'findings', 'summary', 'target']);
  expect(body.findings.map((f: { id: string }) => f.id)).toEqual(
    expect.arrayContaining(['listening', 'http-ok']),
  );
  expect(body.summary.severity).toBe('ok');
});

test('a listener owned by another user is owner-hidden for a normal user, with the sudo command', async () => {
  if (!requireOrSkip(isRoot, 'root (to run the doctor as user nobody against a root-owned socket)')) return;
  if (
    spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(tsxCli)})`], {
      uid: 65534,
      gid: 65534,
    }).status !== 0
  ) {
    // Where the checkout lives under a private folder, nobody cannot run it at all; the PID-namespace test
    // below proves owner-hidden either way.
    console.warn(`\n*** SKIPPED: user nobody cannot read ${root}; the as-nobody variant did not run. ***\n`);
    return;
  }
  const s = await startHttpServer((_, res) => res.end('root-owned'));
  const r = await runDoctor([`127.0.0.1:${s.port}`, '--json'], {
    uid: 65534,
    gid: 65534,
    env: { ...process.env, HOME: '/tmp', TSX_DISABLE_CACHE: '1' },
  });
  const body = JSON.parse(r.stdout);
  const hidden = body.findings.find((f: { id: string }) => f.id === 'owner-hidden');
  expect(hidden?.fixes.find((f: { platform: string }) => f.platform === 'linux').command).toBe(
    `sudo ss -ltnp 'sport = :${s.port}'`,
  );
});

test("a listener whose process lives outside the doctor's PID namespace (a container) is owner-hidden", async () => {
  if (
    !requireOrSkip(
      isRoot && existsSync('/usr/bin/unshare'),
      'root and unshare (to run the doctor in its own PID namespace)',
    )
  )
    return;
  const s = await startHttpServer((_, res) => res.end('outside'));
  // The doctor gets a fresh /proc that shows only its own PID namespace: the socket is visible, its owner is not.
  const r = await new Promise<{ stdout: string }>((resolve) => {
    const child = spawn(
      'unshare',
      ['--pid', '--fork', '--mount-proc', process.execPath, ...doctorArgs(`127.0.0.1:${s.port}`, '--json')],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.on('close', () => resolve({ stdout }));
  });
  const body = JSON.parse(r.stdout);
  expect(body.facts.listeners.value.listeners).toEqual([
    expect.objectContaining({ port: s.port, pid: null }),
  ]);
  const hidden = body.findings.find((f: { id: string }) => f.id === 'owner-hidden');
  expect(hidden.title).toBe(`Something listens on port ${s.port}, but its process could not be read`);
});

test('a server on 0.0.0.0 (inside a loopback-only namespace) is wildcard-exposed', async () => {
  if (!requireOrSkip(canUseNetns, 'root and `ip netns` (to bind 0.0.0.0 where no network can see it)'))
    return;
  const ns = createNamespace();
  try {
    const server = ns.spawn(process.execPath, [
      '-e',
      "const s=require('http').createServer((q,r)=>r.end('hi')).listen(0,'0.0.0.0',()=>console.log(s.address().port))",
    ]);
    const port = Number(await firstLine(server));
    const out = ns.exec(process.execPath, doctorArgs(`127.0.0.1:${port}`, '--json'));
    const body = JSON.parse(out.stdout);
    const f = body.findings.find((x: { id: string }) => x.id === 'wildcard-exposed');
    expect(f.title).toBe(`Port ${port} is reachable from other machines (0.0.0.0:${port})`);
  } finally {
    await ns.destroy();
  }
});
