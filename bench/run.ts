// The listener benchmark on a loaded host (bench/main.ts runs it): 1,000 listeners, 10,000+ sockets.
import { existsSync } from 'node:fs';
import { runCommand } from '@/lib/exec';
import { listListeners } from '@/lib/host/listeners';
import { parseProcNet } from '@/lib/host/linux/procnet';
import { readFileSync } from 'node:fs';
import { FarmChild, type Endpoint } from './farm';
import { printTable, type Samples } from './report';

const CHILDREN = 20;
const LISTENERS_PER_CHILD = 50;
const CONNECTIONS_PER_CHILD = 500;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const HOSTS = existsSync('/proc/net/tcp6') ? ['127.0.0.1', '::1'] : ['127.0.0.1'];

const children: FarmChild[] = [];
function killChildren(): void {
  for (const child of children) child.kill();
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

async function buildFarm(): Promise<void> {
  const started = await Promise.all(Array.from({ length: CHILDREN }, () => FarmChild.start()));
  children.push(...started);
  await Promise.all(children.map((c) => c.openListeners(LISTENERS_PER_CHILD, HOSTS)));
  // Each child connects half to its own listeners and half to its neighbour's: loopback only.
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

function countSockets(): { listening: number; established: number } {
  const rows = ['tcp', 'tcp6'].flatMap((f) =>
    existsSync(`/proc/net/${f}`) ? parseProcNet(readFileSync(`/proc/net/${f}`, 'latin1')) : [],
  );
  return {
    listening: rows.filter((r) => r.state === 0x0a).length,
    established: rows.filter((r) => r.state === 0x01).length,
  };
}

type Subject = 'ss -ltnp' | 'listListeners({port})' | 'listListeners({port}), fd reused' | 'listListeners()';
const SUBJECTS: Subject[] = [
  'ss -ltnp',
  'listListeners({port})',
  'listListeners({port}), fd reused',
  'listListeners()',
];

/** Runs one subject right after a fresh listener appeared, and checks the answer names it and its pid. */
async function measure(subject: Subject, child: FarmChild, port: number): Promise<number> {
  const started = performance.now();
  let found: boolean;
  if (subject === 'ss -ltnp') {
    const result = await runCommand('ss', ['-ltnp'], { timeoutMs: 10_000, maxBytes: 64 * 1024 * 1024 });
    const elapsed = performance.now() - started;
    if (result.error) throw new Error(result.error);
    found = result.stdout.split('\n').some((l) => l.includes(`:${port} `) && l.includes(`pid=${child.pid},`));
    if (!found) throw new Error(`ss -ltnp did not show fresh port ${port} of pid ${child.pid}`);
    return elapsed;
  }
  const table = await listListeners(subject === 'listListeners()' ? {} : { port });
  const elapsed = performance.now() - started;
  found = table.listeners.some((l) => l.protocol === 'tcp' && l.port === port && l.pid === child.pid);
  if (!found)
    throw new Error(`${subject} did not show fresh port ${port} with pid ${child.pid} (stale answer?)`);
  return elapsed;
}

/** The listener-lookup bench on a loaded host; resolves whether every goal was met. */
export async function runListenerBench(): Promise<boolean> {
  const ss = await runCommand('ss', ['-V']);
  if (ss.error) throw new Error(`the bench compares against ss, which is missing: ${ss.error}`);
  console.log('\nListener lookups on a loaded host (a random child opens a fresh listener before each call)');
  const setupStart = performance.now();
  await buildFarm();
  const counts = countSockets();
  console.log(
    `${CHILDREN} children (pids ${children[0]!.pid}…), ${counts.listening} listening and ${counts.established} established TCP sockets ` +
      `on ${HOSTS.join(' and ')}; setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s`,
  );

  const cold = performance.now();
  await listListeners();
  const coldMs = performance.now() - cold;

  const samples: Samples = Object.fromEntries(SUBJECTS.map((s) => [s, []]));
  for (let round = 0; round < RUNS; round++) {
    // Interleaved and rotated, so drift (page cache, CPU frequency) hits every subject alike.
    for (let k = 0; k < SUBJECTS.length; k++) {
      const subject = SUBJECTS[(round + k) % SUBJECTS.length]!;
      const child = children[Math.floor(Math.random() * children.length)]!;
      const port = await child.openFreshListener(HOSTS[round % HOSTS.length]!, subject.endsWith('fd reused'));
      samples[subject]!.push(await measure(subject, child, port));
    }
  }
  const goals: Record<string, number> = { 'listListeners({port})': 0.1, 'listListeners()': 0.25 };
  const met = printTable(samples, 'ss -ltnp', goals, RUNS);
  console.log(`cold first listListeners() (empty cache, full scan): ${coldMs.toFixed(1)} ms`);
  killChildren();
  return met;
}
