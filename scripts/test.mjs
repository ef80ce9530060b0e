// `npm test`: types, lint, unit + integration + component tests, a production build, the tests against the
// running app, and the browser tests. As root with `ip netns`, every stage runs inside a fresh network
// namespace that has only loopback: no test can send a packet off this machine, even if a check were wrong.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const stages = [
  ['types', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['unit, integration and component tests', bin('jest'), ['--ci']],
  ['production build', bin('next'), ['build']],
  ['the running app (HTTP)', bin('jest'), ['--ci', '--config', 'jest.app.config.js']],
  ['browser tests (Chromium)', bin('jest'), ['--ci', '--config', 'jest.e2e.config.js']],
];

function run(cmd, args, env) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
}

function netnsAvailable() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return spawnSync('ip', ['netns', 'list'], { stdio: 'ignore' }).status === 0;
}

// A safety net under every test's own temp DATA_DIR: nothing in the run can reach the user's real store.
const dataDir = process.env.LD_TEST_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ld-test-data-'));
process.on('exit', () => {
  if (!process.env.LD_TEST_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
});
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATA_DIR: dataDir, LD_TEST_DATA_DIR: dataDir };

if (process.env.LD_IN_NETNS !== '1' && netnsAvailable()) {
  const ns = `ldtest-run-${process.pid}`;
  console.log(`Running the tests inside network namespace ${ns} (loopback only).`);
  if (
    run('ip', ['netns', 'add', ns], env).status !== 0 ||
    run('ip', ['-n', ns, 'link', 'set', 'lo', 'up'], env).status !== 0
  ) {
    process.exit(1);
  }
  const inner = run('ip', ['netns', 'exec', ns, process.execPath, fileURLToPath(import.meta.url)], {
    ...env,
    LD_IN_NETNS: '1',
  });
  run('ip', ['netns', 'del', ns], env);
  process.exit(inner.status ?? 1);
}

if (process.env.LD_IN_NETNS !== '1') {
  const msg = 'NOT running inside a loopback-only network namespace (needs root and `ip netns`).';
  if (process.env.CI === 'true') {
    console.error(`${msg} CI requires it.`);
    process.exit(1);
  }
  console.warn(`\n*** ${msg} Tests that need it will say so and skip. ***\n`);
}

for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = run(cmd, args, env);
  console.log(
    `=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`,
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
