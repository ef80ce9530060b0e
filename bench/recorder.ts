// The history recorder's cost: the app server's CPU over 60 s with the recorder on (its default 2 s
// sampling) and with HISTORY=off, no page open, on a loaded host (1,000 listeners and 10,000 connected
// sockets held by children). The two servers run side by side over the same window, so the machine's
// other work lands on both; prints the extra share of one core (mean of the pairs); the goal is at most 1 %.
// Run: npx tsx bench/recorder.ts   (needs a build; BENCH_SECONDS and BENCH_PAIRS change the window and runs).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FarmChild, type Endpoint } from './farm';
import { CLK_TCK, treeTicks } from './tree-cpu';

const CHILDREN = 20;
const LISTENERS_PER_CHILD = 50;
const CONNECTIONS_PER_CHILD = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 2);
const WARMUP_MS = 10_000;
const GOAL_PERCENT = 1;
const HOSTS = existsSync('/proc/net/tcp6') ? ['127.0.0.1', '::1'] : ['127.0.0.1'];
const root = path.join(__dirname, '..');

const children: FarmChild[] = [];
const apps: ChildProcess[] = [];
function cleanup(): void {
  for (const child of children) child.kill();
  for (const app of apps) if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

async function buildFarm(): Promise<void> {
  children.push(...(await Promise.all(Array.from({ length: CHILDREN }, () => FarmChild.start()))));
  await Promise.all(children.map((c) => c.openListeners(LISTENERS_PER_CHILD, HOSTS)));
  await Promise.all(
    children.map((child, i) => {
      const targets: Endpoint[] = Array.from({ length: CONNECTIONS_PER_CHILD }, (_, k) => {
        const owner = children[(i + (k % 2)) % CHILDREN]!;
        return owner.listeners[k % owner.listeners.length]!;
      });
      return child.connectTo(targets);
    }),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

interface Running {
  app: ChildProcess;
  pid: number;
  dataDir: string;
}

async function startServer(history: 'on' | 'off'): Promise<Running> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ld-bench-recorder-'));
  const port = await freePort();
  const app = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--conditions=react-server',
      path.join(root, 'scripts', 'start.ts'),
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        HISTORY: history,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  apps.push(app);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    app.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('serving at')) resolve();
    });
    app.once('exit', (code) => reject(new Error(`app exited (${code}) before serving:\n${out}`)));
  });
  // The whole tree: tsx's launcher, the server, its spawner child and whatever that runs.
  return { app, pid: app.pid!, dataDir };
}

async function stopServer({ app, dataDir }: Running, history: 'on' | 'off'): Promise<number> {
  const exited = new Promise((r) => app.once('exit', r));
  app.kill('SIGTERM');
  await exited;
  let events = 0;
  if (history === 'on') {
    const sqlite = (await import('better-sqlite3')).default;
    const db = new sqlite(path.join(dataDir, 'history.sqlite'), { readonly: true });
    events = (db.prepare('SELECT count(*) AS n FROM listener_events').get() as { n: number }).n;
    db.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
  return events;
}

/**
 * One pair: a server with the recorder and one with HISTORY=off, started one after the other (a build
 * check each) and then measured over the same window, so whatever else the machine does lands on both.
 */
async function measurePair(): Promise<{ on: number; off: number; events: number }> {
  const on = await startServer('on');
  const off = await startServer('off');
  await new Promise((r) => setTimeout(r, WARMUP_MS)); // start-up work and the first full scan are not the cost
  const before = { on: treeTicks(on.pid), off: treeTicks(off.pid) };
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const ticks = { on: treeTicks(on.pid) - before.on, off: treeTicks(off.pid) - before.off };
  const events = await stopServer(on, 'on');
  await stopServer(off, 'off');
  const percent = (t: number) => (t / CLK_TCK / SECONDS) * 100;
  return { on: percent(ticks.on), off: percent(ticks.off), events };
}

async function main(): Promise<void> {
  if (process.platform !== 'linux')
    throw new Error('the recorder bench reads /proc/<pid>/stat: run it on Linux');
  await buildFarm();
  console.log(
    `${CHILDREN} children, ${CHILDREN * LISTENERS_PER_CHILD} listeners and ${CHILDREN * CONNECTIONS_PER_CHILD} connections (${CHILDREN * CONNECTIONS_PER_CHILD * 2} socket ends) on ${HOSTS.join(' and ')}; ` +
      `app server CPU over ${SECONDS} s, no page open, ${PAIRS} pair(s) of servers measured side by side`,
  );
  const extras: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const pair = await measurePair();
    extras.push(pair.on - pair.off);
    console.log(
      `  recorder on: ${pair.on.toFixed(2)} % of one core (${pair.events} events recorded: the baseline)   ` +
        `HISTORY=off beside it: ${pair.off.toFixed(2)} %`,
    );
  }
  const extra = extras.reduce((s, x) => s + x, 0) / extras.length;
  const verdict = extra <= GOAL_PERCENT ? 'ok' : 'MISSED';
  console.log(
    `recorder cost: ${extra.toFixed(2)} % of one core extra, mean of ${PAIRS} (goal ≤ ${GOAL_PERCENT} %: ${verdict})`,
  );
  if (extra > GOAL_PERCENT) process.exitCode = 1;
}

/** For bench/main.ts: runs after the other benches (never beside them: each measures CPU) and cleans up. */
export default async function recorderBench(): Promise<boolean> {
  try {
    await main();
    return process.exitCode !== 1;
  } finally {
    cleanup();
  }
}

if (require.main === module)
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(cleanup);
