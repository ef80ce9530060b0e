/**
 * `npm start`: build when there is no current build, pick a free loopback port (naming whoever holds the
 * one we wanted), then serve through lib/server (the gate in front of Next's handler) and print the URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeHolder } from '@/lib/host/describe-holder';
import { isPortFree } from '@/lib/host/free-port';
import { checkBindHost } from '@/lib/security/bind-host';
import { hostPort } from '@/lib/net';
import { endLabs, serve } from '@/lib/server/serve';
import { limitsFromEnv } from '@/lib/security/rate-limit';

const root = join(__dirname, '..');
const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const DEFAULT_PORT = 6280; // not a port popular dev servers use (3000, 5173, 8080…), so we never collide with theirs
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'tsconfig.json',
  'next.config.js',
  'package-lock.json',
  'postcss.config.mjs',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

function buildIsCurrent(): boolean {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(join(root, s)) <= built);
}

async function choosePort(host: string, wanted: number): Promise<number> {
  for (let port = wanted; port < wanted + 50 && port <= 65535; port++) {
    if (await isPortFree(host, port)) return port;
    console.log(`port ${port} is ${await describeHolder(port)}; trying ${port + 1}`);
  }
  throw new Error(`no free port between ${wanted} and ${wanted + 49} on ${host}`);
}

async function main(): Promise<void> {
  const bind = checkBindHost(process.env);
  if (!bind.ok) {
    console.error(bind.message);
    process.exit(1);
  }
  const rawPort = process.env.PORT ?? String(DEFAULT_PORT);
  const wanted = Number(rawPort);
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > 65535) {
    console.error(`PORT must be a number from 1 to 65535, got "${rawPort}"`);
    process.exit(1);
  }
  const limits = limitsFromEnv(process.env.RATE_LIMITS);
  if (typeof limits === 'string') {
    console.error(limits);
    process.exit(1);
  }
  if (!buildIsCurrent()) {
    console.log('No current build: running `next build` first (about a minute)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = await choosePort(bind.host, wanted);
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  process.env.HOSTNAME = bind.host;
  process.env.PORT = String(port);
  // The build, not this script, decides: next() reads NODE_ENV, and `npm start` may run without it.
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const server = await serve({ dir: root, hostname: bind.host, port });
  console.log(`\nLocalhost Doctor is serving at http://${hostPort(bind.host, port)}/\n`);
  const stop = () => {
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    void Promise.all([closed, endLabs().catch(() => undefined)]).then(() => process.exit(0));
    // A request still running (a diagnosis) must not keep the process up past a few seconds.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
