// `npm test`: types, lint, unit + integration + component tests, then a production build and the browser
// tests against it. Stops at the first red stage so the failure is the last thing printed.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const stages = [
  ['types', bin('tsc'), ['--noEmit', '-p', '.']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['unit, integration and component tests', bin('jest'), ['--ci']],
  ['production build', bin('next'), ['build']],
  ['browser tests (Chromium)', bin('jest'), ['--ci', '--config', 'jest.e2e.config.js']],
];

for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  console.log(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
