// What `npm run bench` runs (bench/index.ts starts it under the react-server condition): the diagnosis
// bench, the listener-lookup bench, then the benches others add (bench/recorder.ts,
// bench/monitor-page.ts) when those files exist: a default export is called, or importing runs it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runDiagnosisBench } from './diagnosis';
import { runListenerBench } from './run';

// Every diagnosis records into the history store: the bench's own listeners must never land in the user's
// real DATA_DIR, so the whole run uses a temp one (the store is opened lazily, on the first diagnosis).
const benchDataDir = mkdtempSync(path.join(tmpdir(), 'ld-bench-data-'));
process.env.DATA_DIR = benchDataDir;
process.on('exit', () => rmSync(benchDataDir, { recursive: true, force: true }));

async function main(): Promise<void> {
  let met = await runDiagnosisBench();
  met = (await runListenerBench()) && met;
  for (const name of ['recorder.ts', 'monitor-page.ts']) {
    const file = path.join(__dirname, name);
    if (!existsSync(file)) continue;
    console.log(`\n— bench/${name}`);
    const mod = (await import(file)) as { default?: () => Promise<boolean | void> };
    if (typeof mod.default === 'function') met = (await mod.default()) !== false && met;
  }
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
