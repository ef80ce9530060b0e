/**
 * The recorder on this machine's real listener table, with a real SQLite file in a temp DATA_DIR and real
 * servers that start, stop, move port and restart; then the findings in a real diagnosis.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import { listListeners } from '@/lib/host/listeners';
import { listeningInodes, listeningInodesSignature } from '@/lib/host/linux/listening-inodes';
import { linuxProcessCwd } from '@/lib/host/linux/process-cwd';
import { startRecorder, type Recorder } from '@/lib/history/recorder';
import { pidExists } from '@/lib/host/process-signals';
import { createStore, getStore, listenerEvents, type HistoryStore } from '@/lib/store';
import { freePort } from '@/__tests__/support/app-server';
import { program, until, type Program } from '@/__tests__/support/history-program';
import { requireOrSkip } from '@/__tests__/support/requirements';

const onLinux = process.platform === 'linux';
const dataDir = mkdtempSync(join(tmpdir(), 'ld-history-'));
process.env.DATA_DIR = dataDir; // the diagnosis reads the same store the recorder writes
const log = { warnings: [] as string[], warn: (m: string) => log.warnings.push(m) };
let store: HistoryStore;
let recorder: Recorder;
let shop: Program;

beforeAll(() => {
  store = getStore();
  shop = program();
});

afterAll(async () => {
  recorder?.stop();
  await shop.cleanup();
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const recorderOn = (s: HistoryStore) =>
  startRecorder({
    store: s,
    sampleMs: 100,
    list: () => listListeners(),
    cwdOf: linuxProcessCwd,
    quickSignature: listeningInodesSignature,
    ownerAlive: pidExists,
    log,
  });

const eventsOn = (port: number) => {
  const read = store.read((db) => listenerEvents(db, { port, limit: 1000 }));
  if (!read.ok) throw new Error(read.reason);
  return read.value;
};

const findingsFor = async (target: string) => {
  const result = await diagnose(target);
  if (!result.ok) throw new Error(result.error.message);
  return result.diagnosis;
};

test('start, stop, move port and restart are recorded, and a diagnosis tells each story', async () => {
  if (!requireOrSkip(onLinux, 'Linux /proc')) return;
  recorder = recorderOn(store);
  const port = await freePort();

  // Start: opened, with the pid, the full command line and the project directory.
  await shop.start(port);
  const pid = shop.pid()!;
  const opened = await until(() => eventsOn(port).find((e) => e.kind === 'opened'), 'opened');
  expect(opened).toMatchObject({
    protocol: 'tcp',
    address: '127.0.0.1',
    port,
    family: 'IPv4',
    pid,
    process: 'node',
    command: `${process.execPath} server.js ${port}`,
    cwd: shop.dir,
  });
  expect(opened.startedAt).not.toBeNull();
  const served = await findingsFor(`127.0.0.1:${port}`); // remembers pid for `restarted`
  expect(served.findings.map((f) => f.id)).toContain('listening');

  // Stop: closed, and the diagnosis says who listened until when and how to start it again.
  await shop.stop();
  await until(() => eventsOn(port).find((e) => e.kind === 'closed'), 'closed');
  const stopped = await findingsFor(`127.0.0.1:${port}`);
  const was = stopped.findings.find((f) => f.id === 'was-listening');
  expect(was?.title).toMatch(
    new RegExp(
      `^node \\(pid ${pid}, user \\w+\\) listened on 127\\.0\\.0\\.1:${port} until \\d\\d:\\d\\d:\\d\\d \\((just now|\\d+ seconds ago)\\)$`,
    ),
  );
  expect(was!.fixes.find((f) => f.platform === 'linux')!.command).toBe(
    `cd ${shop.dir} && PORT=${port} ${process.execPath} server.js ${port}`,
  );
  expect(stopped.summary.cause).toBe('was-listening');

  // Move: the same script in the same directory, now with another port.
  const other = await freePort();
  await shop.start(other);
  await until(() => eventsOn(other).find((e) => e.kind === 'opened'), 'opened on the new port');
  const movedAway = await findingsFor(`127.0.0.1:${port}`);
  const moved = movedAway.findings.find((f) => f.id === 'moved-port');
  expect(moved).toMatchObject({
    title: `Your server is on 127.0.0.1:${other} now`,
    link: { href: `/diagnose/127.0.0.1%3A${other}` },
  });
  expect(movedAway.summary.cause).toBe('moved-port');
  await shop.stop();

  // Restart on the first port: a new pid since the last diagnosis that saw one.
  await shop.start(port);
  const newPid = shop.pid()!;
  await until(() => eventsOn(port).find((e) => e.kind === 'opened' && e.pid === newPid), 'reopened');
  const again = await findingsFor(`127.0.0.1:${port}`);
  expect(again.findings.find((f) => f.id === 'restarted')?.title).toBe(
    `node on port ${port} restarted since the last diagnosis (pid ${pid} → ${newPid})`,
  );
  expect(log.warnings).toEqual([]);
  await shop.stop();
}, 90_000);

test('a crash loop (three starts and stops within seconds) is flapping', async () => {
  if (!requireOrSkip(onLinux, 'Linux /proc')) return;
  recorder ??= recorderOn(store);
  const port = await freePort();
  for (let i = 0; i < 3; i++) {
    await shop.start(port);
    const pid = shop.pid();
    await until(() => eventsOn(port).some((e) => e.kind === 'opened' && e.pid === pid), `start ${i + 1}`);
    await shop.stop();
    await until(() => eventsOn(port).some((e) => e.kind === 'closed' && e.pid === pid), `stop ${i + 1}`);
  }
  const d = await findingsFor(`127.0.0.1:${port}`);
  expect(d.findings.find((f) => f.id === 'flapping')?.title).toBe(
    `Port ${port} opened 3 times and closed 3 times in the last 10 minutes`,
  );
}, 60_000);

test('a restarted recorder, and a second one on the same DATA_DIR, record each change once', async () => {
  if (!requireOrSkip(onLinux, 'Linux /proc')) return;
  recorder?.stop();
  const port = await freePort();
  await shop.start(port);
  const first = recorderOn(store);
  await until(() => eventsOn(port).length === 1, 'opened once');
  first.stop();
  // The app restarted: its first sample finds the same socket in the stored baseline.
  const second = recorderOn(store);
  const otherHandle = createStore({ dataDir, log });
  const third = recorderOn(otherHandle);
  await second.sampleNow();
  await third.sampleNow();
  expect(eventsOn(port).map((e) => e.kind)).toEqual(['opened']);
  await shop.stop();
  await until(() => eventsOn(port).length >= 2, 'closed');
  await second.sampleNow();
  await third.sampleNow();
  expect(eventsOn(port).map((e) => e.kind)).toEqual(['closed', 'opened']);
  second.stop();
  third.stop();
  otherHandle.close();
}, 60_000);

test('the cheap listening-inodes signature changes exactly when a real listener opens or closes', async () => {
  if (!requireOrSkip(onLinux, 'Linux /proc')) return;
  const port = await freePort();
  const before = listeningInodesSignature();
  expect(before).not.toBeNull();
  await shop.start(port);
  const inode = (await listListeners({ port })).listeners.find((l) => l.pid === shop.pid())!.inode!;
  expect([...listeningInodes()!]).toContain(inode);
  expect(listeningInodesSignature()).not.toEqual(before);
  // A connection to the listener (an ESTABLISHED row, listed after the LISTEN ones) is not a listener.
  const client = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => client.once('connect', resolve));
  const fd = (client as unknown as { _handle: { fd: number } })._handle.fd;
  const clientInode = Number(readlinkSync(`/proc/self/fd/${fd}`).slice('socket:['.length, -1));
  expect(clientInode).toBeGreaterThan(0);
  expect([...listeningInodes()!]).not.toContain(clientInode);
  client.destroy();
  await shop.stop();
  expect([...listeningInodes()!]).not.toContain(inode);
}, 30_000);

test('“start it again” runs exactly what ran, even when an argument holds a space', async () => {
  if (!requireOrSkip(onLinux, 'Linux /proc')) return;
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'ld-spaced-')));
  const appDir = join(base, 'my app');
  mkdirSync(appDir);
  writeFileSync(
    join(appDir, 'server.js'),
    "require('node:http').createServer((q, r) => r.end('ok')).listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));",
  );
  const mine = recorderOn(store);
  const port = await freePort();
  const started: number[] = [];
  const listening = (child: ReturnType<typeof spawn>) =>
    new Promise<void>((resolve, reject) => {
      child.stdout!.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`exited early (${code})`)));
    });
  try {
    const first = spawn(process.execPath, [join(appDir, 'server.js'), String(port)], {
      cwd: base,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    started.push(first.pid!);
    await listening(first);
    await until(() => eventsOn(port).find((e) => e.kind === 'opened' && e.pid === first.pid), 'opened');
    const gone = new Promise((r) => first.once('exit', r));
    process.kill(first.pid!, 'SIGTERM');
    await gone;
    await until(() => eventsOn(port).find((e) => e.kind === 'closed'), 'closed');

    const d = await findingsFor(`127.0.0.1:${port}`);
    const fix = d.findings
      .find((f) => f.id === 'was-listening')!
      .fixes.find((f) => f.platform === 'linux')!.command;
    // The joined command line ("…/my app/server.js") would split into two words; the recorded argv does not.
    expect(fix).toContain(`'${appDir}/server.js' ${port}`);

    // Run as the user would, in a real shell: the same program, with the same arguments, listens again.
    const again = spawn('bash', ['-c', fix], { stdio: ['ignore', 'pipe', 'inherit'] });
    started.push(again.pid!);
    await listening(again);
    const holder = (await listListeners({ port })).listeners.find((l) => l.protocol === 'tcp')!;
    started.push(holder.pid!);
    expect(holder.argv).toEqual([process.execPath, join(appDir, 'server.js'), String(port)]);
  } finally {
    mine.stop();
    for (const pid of started.reverse()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(base, { recursive: true, force: true });
  }
}, 60_000);
