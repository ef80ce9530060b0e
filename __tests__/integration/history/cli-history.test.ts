/** `npm run doctor -- history <port>`: a real CLI process reading the store a real recorder wrote. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, recordListenerEvents } from '@/lib/store';
import { sampleEvent } from '@/__tests__/integration/store/store-support';

const root = join(__dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'ld-history-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
jest.setTimeout(60_000);

function runDoctor(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        '--conditions=react-server',
        join(root, 'bin', 'doctor.ts'),
        ...args,
      ],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, TZ: 'UTC', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(() => {
  const store = createStore({ dataDir, log: { warn: () => undefined } });
  const written = store.write((db) =>
    recordListenerEvents(db, [
      sampleEvent({ port: 5173, at: '2030-01-01T12:00:00.000Z', kind: 'opened', command: 'node vite' }),
      sampleEvent({ port: 5173, at: '2030-01-01T12:05:00.000Z', kind: 'closed', command: 'node vite' }),
      sampleEvent({ port: 8000, at: '2030-01-01T12:06:00.000Z' }),
    ]),
  );
  expect(written.ok).toBe(true);
  store.close();
});

test('prints the port’s events newest first, in local time, with who and how', async () => {
  const r = await runDoctor(['history', '5173']);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe(`Port 5173: 2 events, newest first (history in ${dataDir})`);
  expect(lines.slice(1)).toEqual([
    '  2030-01-01 12:05:00  closed         tcp 127.0.0.1:5173  node (pid 4242, user dev)  node vite  in /home/dev/app',
    '  2030-01-01 12:00:00  opened         tcp 127.0.0.1:5173  node (pid 4242, user dev)  node vite  in /home/dev/app',
  ]);
});

test('--json is the API’s shape', async () => {
  const r = await runDoctor(['history', '5173', '--json', '--limit', '1']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    port: 5173,
    events: [
      {
        at: '2030-01-01T12:05:00.000Z',
        kind: 'closed',
        protocol: 'tcp',
        address: '127.0.0.1',
        port: 5173,
        family: 'IPv4',
        pid: 4242,
        process: 'node',
        command: 'node vite',
        cwd: '/home/dev/app',
        user: 'dev',
        startedAt: '2030-01-01T11:59:00.000Z',
      },
    ],
  });
});

test('bad input exits 2 with the reason; a paused store says so and why', async () => {
  for (const args of [['history', '1e3'], ['history'], ['history', '80', '--since', 'yesterday']]) {
    const r = await runDoctor(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run doctor -- history <port>');
  }
  const blocker = join(dataDir, 'a-file');
  writeFileSync(blocker, 'not a directory');
  const paused = await runDoctor(['history', '5173', '--json'], { DATA_DIR: join(blocker, 'store') });
  expect(paused.code).toBe(0);
  const body = JSON.parse(paused.stdout);
  expect(body).toMatchObject({
    port: 5173,
    events: [],
    unavailable: { reason: expect.stringContaining('not a directory') },
  });
});
