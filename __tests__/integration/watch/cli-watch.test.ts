/**
 * `npm run doctor -- watch <target>` as a real process: it prints the current state, then each flip as a real
 * server stops and starts again, records the samples in its DATA_DIR, and Ctrl-C (SIGINT) ends it with 0.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@/__tests__/support/app-server';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { openStore } from '@/lib/store/open-store';
import { listWatches, watchSamples } from '@/lib/store/watches';
import { memoryLog, removeTempDataDirs, tempDataDir } from '../store/store-support';

const root = join(__dirname, '..', '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const doctor = join(root, 'bin', 'doctor.ts');

const servers: ChildServer[] = [];
let cli: ChildProcess | undefined;
afterEach(async () => {
  if (cli && cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  removeTempDataDirs();
});

it('prints up, then down when the server stops and up when it is back; Ctrl-C ends it with 0', async () => {
  const dataDir = tempDataDir();
  const port = await freePort();
  servers.push(await startChildHttpServer({ port }));
  cli = spawn(
    process.execPath,
    [tsxCli, '--conditions=react-server', doctor, 'watch', `127.0.0.1:${port}`, '--interval', '1'],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  cli.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  cli.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const until = (re: RegExp, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} in ${ms} ms:\n${out}`)), ms);
      const check = () => re.test(out) && (clearTimeout(timer), cli!.stdout!.off('data', check), resolve());
      cli!.stdout!.on('data', check);
      check();
    });

  await until(new RegExp(`▲ up  127\\.0\\.0\\.1:${port} — HTTP 200`));
  expect(out).toMatch(new RegExp(`^Watching 127\\.0\\.0\\.1:${port} every 1 s \\(samples recorded in `));
  await servers.pop()!.stop();
  await until(new RegExp(`▼ down  127\\.0\\.0\\.1:${port} — ECONNREFUSED on 127\\.0\\.0\\.1`));
  servers.push(await startChildHttpServer({ port }));
  await until(/▼ down[^]*▲ up/);
  // Only flips are printed: one line per state change, not one per sample.
  expect(out.match(/▲ up|▼ down/g)).toEqual(['▲ up', '▼ down', '▲ up']);

  const exited = new Promise<number | null>((r) => cli!.once('exit', (code) => r(code)));
  cli.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(out).toMatch(/Stopped watching\.\n$/);

  const opened = openStore({ dataDir, log: memoryLog() });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  const [watch] = listWatches(opened.db);
  expect(watch).toMatchObject({ target: `127.0.0.1:${port}`, intervalSeconds: 1 });
  const samples = watchSamples(opened.db, { watchId: watch!.id });
  expect(samples.some((s) => !s.up)).toBe(true);
  expect(samples[0]!.up).toBe(true);
  opened.db.close();
}, 90_000);

it('a bad interval is exit 2 with the reason', () => {
  const r = spawnSync(
    process.execPath,
    [tsxCli, '--conditions=react-server', doctor, 'watch', 'localhost:3000', '--interval', '0'],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: tempDataDir() },
      encoding: 'utf8',
    },
  );
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('--interval must be a whole number from 1 to 3600');
}, 30_000);
