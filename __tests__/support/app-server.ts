// The real app, started the way a newcomer starts it (`npm start` = tsx scripts/start.ts), on a port proven
// free by binding. Needs a production build (npm test builds before this stage). Stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');
const tsxCli = join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface RunningApp {
  url: string;
  port: number;
  pid: number;
  /** The app's own store directory: a fresh temp dir unless the test passed DATA_DIR. */
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Runs scripts/start.ts to completion or until `until` matches its output (then leaves it running). */
export function startScript(env: Record<string, string | undefined>): {
  child: ChildProcess;
  output: () => string;
} {
  let out = '';
  const child = spawn(
    process.execPath,
    [tsxCli, '--conditions=react-server', join(repoRoot, 'scripts', 'start.ts')],
    {
      cwd: repoRoot,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  return { child, output: () => out };
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise((r) => child.once('exit', r));
  process.kill(child.pid, 'SIGTERM');
  await gone;
}

export async function startApp(
  env: Record<string, string | undefined> = {},
  timeoutMs = 60_000,
): Promise<RunningApp> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  // Every app under test writes its history to its own directory, never the user's real data directory.
  const ownDataDir = env.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'ld-app-data-')) : null;
  const dataDir = env.DATA_DIR ?? ownDataDir!;
  const { child, output } = startScript({ PORT: String(port), ...env, DATA_DIR: dataDir });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`app did not start in ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /serving at (http:\/\/\S+)/.exec(output());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited (${code}) before serving:\n${output()}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    pid: child.pid!,
    dataDir,
    output,
    stop: async () => {
      await stopChild(child);
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with full control of Host/Origin (fetch would not let us forge Host). */
export function rawRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = require('node:http').request(
      {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port,
        path: u.pathname + u.search,
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
      },
      (res: import('node:http').IncomingMessage) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.setTimeout(opts.timeoutMs ?? 15_000, () =>
      req.destroy(new Error(`no answer in ${opts.timeoutMs ?? 15_000} ms`)),
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}
