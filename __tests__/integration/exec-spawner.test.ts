/**
 * The server starts its tools from a small child (lib/exec-spawner.ts) so that a fork of the big server
 * does not hold its event loop. Through that child, runCommand must answer exactly as execFile does here,
 * and the child must never outlive the process that started it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCommand } from '@/lib/exec';
import { spawnerReady, startSpawner, stopSpawner } from '@/lib/exec-spawner';
import { until } from '@/__tests__/support/history-program';

const node = process.execPath;

beforeAll(async () => {
  startSpawner();
  await until(() => spawnerReady(), 'the spawner to be ready', 10_000);
});
afterAll(() => stopSpawner());

test('a command runs in the spawner, not as a child of this process', async () => {
  const r = await runCommand(node, ['-e', 'console.log(process.ppid)']);
  expect(r.code).toBe(0);
  expect(Number(r.stdout.trim())).toBeGreaterThan(1);
  expect(Number(r.stdout.trim())).not.toBe(process.pid);
});

test('a spawner that dies on its own is replaced, and commands meanwhile still run', async () => {
  const ppid = async () =>
    Number((await runCommand(node, ['-e', 'console.log(process.ppid)'])).stdout.trim());
  const first = await ppid();
  expect(first).not.toBe(process.pid);
  process.kill(first, 'SIGKILL');
  await until(() => !spawnerReady(), 'the dead spawner to be noticed', 5_000);
  expect(await ppid()).toBe(process.pid); // straight through execFile while there is none
  await until(() => spawnerReady(), 'a new spawner', 15_000);
  const second = await ppid();
  expect([second === process.pid, second === first]).toEqual([false, false]);
}, 30_000);

test('exit codes, a missing tool, a timeout and the output cap read as they do without it', async () => {
  const failed = await runCommand(node, ['-e', 'process.stderr.write("no"); process.exit(3)']);
  expect([failed.code, failed.stderr, failed.timedOut]).toEqual([3, 'no', false]);

  const missing = await runCommand('no-such-tool-localhost-doctor', []);
  expect(missing.code).toBeNull();
  expect(missing.error).toBe('no-such-tool-localhost-doctor is not installed or not on PATH');

  const slow = await runCommand(node, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 300 });
  expect(slow.timedOut).toBe(true);
  expect(slow.error).toMatch(/did not finish within 300 ms/);
  expect(slow.durationMs).toBeLessThan(5000);

  const chatty = await runCommand(node, ['-e', 'process.stdout.write("x".repeat(100000))'], {
    maxBytes: 1000,
  });
  expect(chatty.truncated).toBe(true);
});

test('arguments stay arguments: shell syntax in one reaches the program as text', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'spawner-'));
  const marker = path.join(dir, 'marker');
  try {
    const hostile = `$(touch ${marker}); touch ${marker}; \`touch ${marker}\``;
    const r = await runCommand(node, ['-e', 'console.log(process.argv[1])', hostile]);
    expect(r.stdout.trim()).toBe(hostile);
    expect(existsSync(marker)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the environment given for a command is the one it sees', async () => {
  const r = await runCommand(node, ['-e', 'console.log(process.env.LD_SPAWNER_PROBE ?? "unset")'], {
    env: { ...process.env, LD_SPAWNER_PROBE: 'given' },
  });
  expect(r.stdout.trim()).toBe('given');
});

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

test('the spawner and the command it runs end when the process that started it is killed', async () => {
  if (process.platform !== 'linux') throw new Error('this test reads /proc (Linux)');
  // A parent that starts the spawner and has it run a long command, then is SIGKILLed (no clean-up code runs).
  const script = [
    "const { startSpawner, spawnerReady } = require('./lib/exec-spawner.ts');",
    "const { runCommand } = require('./lib/exec.ts');",
    'startSpawner();',
    "const t = setInterval(() => { if (spawnerReady()) { clearInterval(t); void runCommand(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { timeoutMs: 60000 }); console.log('running'); } }, 20);",
  ].join('\n');
  const parent = spawn(node, ['--conditions=react-server', '--import', 'tsx', '-e', script], {
    cwd: path.join(__dirname, '..', '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      parent.stdout!.on('data', (b: Buffer) => String(b).includes('running') && resolve());
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    const spawnerPid = childrenOf(parent.pid!)[0]!;
    await until(() => childrenOf(spawnerPid).length > 0, 'the spawner to start the command', 10_000);
    const commandPid = childrenOf(spawnerPid)[0]!;
    expect(alive(spawnerPid) && alive(commandPid)).toBe(true);
    parent.kill('SIGKILL');
    await until(
      () => !alive(spawnerPid) && !alive(commandPid),
      'the spawner and its command to exit',
      10_000,
    );
  } finally {
    if (parent.exitCode === null) parent.kill('SIGKILL');
  }
}, 30_000);
