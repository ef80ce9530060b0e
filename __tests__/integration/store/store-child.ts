// A real process that uses the store, for the tests that need one: kill -9, two writers, an unwritable or
// full disk. Modes:
//   write <dataDir> <tag> <count|forever>   commit one event per transaction, print "<tag>-<n>" after each
//   record <dataDir>                        record one event through the guarded store, print the outcome
//   fill <dataDir>                          (in its own mount namespace) mount a 1 MiB tmpfs on dataDir,
//                                           write until it is full, free some space, write again
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from '@/lib/exec';
import { openStore } from '@/lib/store/open-store';
import { createStore } from '@/lib/store/store';
import { listenerEvents, recordListenerEvents } from '@/lib/store/listener-events';
import { sampleEvent } from './store-support';

const [mode, dataDir, ...rest] = process.argv.slice(2);
const log = { warn: (m: string) => process.stderr.write(`warn: ${m}\n`) };

function write(tag: string, count: number) {
  const opened = openStore({ dataDir: dataDir!, log });
  if (opened.status !== 'ok') throw new Error(`store unavailable: ${opened.reason}`);
  for (let n = 1; n <= count; n++) {
    recordListenerEvents(opened.db, [sampleEvent({ command: `${tag}-${n}`, at: new Date().toISOString() })]);
    process.stdout.write(`${tag}-${n}\n`);
  }
  opened.db.close();
}

async function fill() {
  const mounted = await runCommand('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dataDir!]);
  if (mounted.code !== 0) throw new Error(`mount failed: ${mounted.stderr || mounted.error}`);
  const fillerFile = join(dataDir!, 'filler');
  writeFileSync(fillerFile, Buffer.alloc(64 * 1024));
  let clock = Date.now();
  const store = createStore({ dataDir: dataDir!, log, retryMs: 1000, now: () => clock });
  const big = 'x'.repeat(2000);
  let written = 0;
  let paused: string | null = null;
  while (paused === null && written < 100_000) {
    const r = store.write((db) => recordListenerEvents(db, [sampleEvent({ command: big })]));
    if (r.ok) written++;
    else paused = r.reason;
  }
  const fact = store.unavailable();
  const whilePaused = store.write((db) => recordListenerEvents(db, [sampleEvent()]));
  rmSync(fillerFile);
  clock += 1000;
  const resumed = store.write((db) => recordListenerEvents(db, [sampleEvent({ command: 'after' })]));
  const newest = store.read((db) => listenerEvents(db, { limit: 1 })[0]?.command ?? null);
  const summary = {
    written,
    paused,
    fact,
    whilePaused,
    resumed: resumed.ok,
    newest,
    factAfter: store.unavailable(),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  store.close();
}

if (mode === 'write') write(rest[0]!, rest[1] === 'forever' ? Infinity : Number(rest[1]));
else if (mode === 'record') {
  const store = createStore({ dataDir: dataDir!, log });
  const result = store.write((db) => recordListenerEvents(db, [sampleEvent()]));
  process.stdout.write(`${JSON.stringify({ result, fact: store.unavailable() })}\n`);
  store.close();
} else if (mode === 'fill') void fill();
else throw new Error(`unknown mode ${mode}`);
