// The diagnosis bench: a whole diagnosis against what a person would type instead (`curl -s` then
// `ss -ltnp`), on a working HTTP server and on a closed port, in one interleaved run. Every answer is
// checked to be fresh: the HTTP listener is new each round, and on the closed port a firewall rule for
// that very port (root + nft only) is added just before the call and must be in the facts.
import { fork, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { runCommand } from '@/lib/exec';
import { spawnerReady, startSpawner, stopSpawner } from '@/lib/exec-spawner';
import { nftUsable, rejectOnly, removeTable } from './firewall-rule';
import { printTable, type Samples } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

type Subject =
  | 'curl -s + ss -ltnp, HTTP server'
  | 'diagnosis, HTTP server'
  | 'curl -s + ss -ltnp, closed port'
  | 'diagnosis, closed port';

function startHttpChild(): Promise<{ child: ChildProcess; freshPort: () => Promise<number> }> {
  const child = fork(path.join(__dirname, 'http-child.mjs'), [], { execArgv: [], stdio: 'inherit' });
  let nextId = 1;
  const waiting = new Map<number, (port: number) => void>();
  child.on('message', (m: { id?: number; port?: number }) => {
    if (m.id !== undefined && m.port !== undefined) waiting.get(m.id)?.(m.port);
  });
  const freshPort = () =>
    new Promise<number>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ id });
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', () => resolve({ child, freshPort }));
  });
}

/** A loopback port proven free by binding it (then released: nothing listens there during the call). */
function provenFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const ids = (d: Diagnosis) => d.findings.map((f) => f.id);

async function typedCommands(port: number, open: boolean): Promise<number> {
  const started = performance.now();
  const curl = await runCommand('curl', ['-s', `http://127.0.0.1:${port}/`]);
  const ss = await runCommand('ss', ['-ltnp'], { maxBytes: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  if (open && !curl.stdout.includes('<title>bench</title>'))
    throw new Error(`curl did not get the page on ${port}`);
  if (!open && curl.code === 0) throw new Error(`curl reached closed port ${port}`);
  if (open !== ss.stdout.split('\n').some((l) => l.includes(`127.0.0.1:${port} `)))
    throw new Error(`ss -ltnp disagrees about port ${port}`);
  return elapsed;
}

async function diagnosis(port: number, open: boolean, pid: number, withRule: boolean): Promise<number> {
  const started = performance.now();
  const result = await diagnose(`127.0.0.1:${port}`);
  const elapsed = performance.now() - started;
  if (!result.ok) throw new Error(`diagnose refused 127.0.0.1:${port}: ${result.error.message}`);
  const d = result.diagnosis;
  if (open) {
    const listeners = d.facts.listeners.status === 'ok' ? d.facts.listeners.value.listeners : [];
    if (!ids(d).includes('http-ok') || !listeners.some((l) => l.port === port && l.pid === pid))
      throw new Error(`stale or wrong diagnosis of fresh server ${port}: ${ids(d).join(', ')}`);
  } else {
    if (!ids(d).includes('no-listener')) throw new Error(`closed port ${port}: ${ids(d).join(', ')}`);
    const rules = d.facts.firewall.status === 'ok' ? d.facts.firewall.value.rules : [];
    const seen = rules.some((r) => r.match.dports?.ranges.some((x) => x.low <= port && port <= x.high));
    if (withRule && !seen) throw new Error(`the firewall rule for ${port} added just before was not seen`);
  }
  return elapsed;
}

export async function runDiagnosisBench(): Promise<boolean> {
  // As the server does at start (instrumentation.ts): tools are started from the small spawner child.
  startSpawner();
  for (let waited = 0; !spawnerReady() && waited < 5000; waited += 20)
    await new Promise((r) => setTimeout(r, 20));
  const withRule = await nftUsable();
  const { child, freshPort } = await startHttpChild();
  const pid = child.pid ?? -1;
  try {
    // Warm: the first diagnosis of a process loads modules and fills the owner cache (the server warms at start).
    await diagnose(`127.0.0.1:${await freshPort()}`);
    const subjects: Subject[] = [
      'curl -s + ss -ltnp, HTTP server',
      'diagnosis, HTTP server',
      'curl -s + ss -ltnp, closed port',
      'diagnosis, closed port',
    ];
    const samples: Samples = Object.fromEntries(subjects.map((s) => [s, []]));
    for (let round = 0; round < RUNS; round++) {
      for (let k = 0; k < subjects.length; k++) {
        const subject = subjects[(round + k) % subjects.length]!;
        const open = subject.endsWith('HTTP server');
        const port = open ? await freshPort() : await provenFreePort();
        if (!open && withRule) await rejectOnly(port);
        const ms = subject.startsWith('curl')
          ? await typedCommands(port, open)
          : await diagnosis(port, open, pid, withRule);
        samples[subject]!.push(ms);
      }
    }
    const pick = (...names: Subject[]) => Object.fromEntries(names.map((n) => [n, samples[n]!]));
    console.log(
      `\nA whole diagnosis vs curl -s + ss -ltnp (fresh listener each round${withRule ? '; on the closed port a fresh nft rule each round, seen in the facts' : '; not root or no nft: no firewall rule added'})`,
    );
    const open = printTable(
      pick('curl -s + ss -ltnp, HTTP server', 'diagnosis, HTTP server'),
      'curl -s + ss -ltnp, HTTP server',
      { 'diagnosis, HTTP server': 1.0 },
      RUNS,
    );
    const closed = printTable(
      pick('curl -s + ss -ltnp, closed port', 'diagnosis, closed port'),
      'curl -s + ss -ltnp, closed port',
      { 'diagnosis, closed port': 1.0 },
      RUNS,
    );
    return open && closed;
  } finally {
    child.kill('SIGKILL');
    if (withRule) await removeTable();
    stopSpawner();
  }
}
