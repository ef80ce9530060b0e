// A real program for the memory tests: the same script, started from its own project directory with a port
// argument, so a test can start it, stop it, restart it (a new pid) and move it (the same command, another
// port). Each process is ended by its pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = `
const http = require('node:http');
const port = Number(process.argv[2]);
http.createServer((req, res) => res.end('shop')).listen(port, '127.0.0.1', () => process.stdout.write('listening\\n'));
`;

export interface Program {
  /** The project directory it runs in (the cwd the recorder should record). */
  dir: string;
  start(port: number): Promise<ChildProcess>;
  /** SIGTERM to the running one, by pid, and waits for it to exit. */
  stop(): Promise<void>;
  pid(): number | null;
  cleanup(): Promise<void>;
}

export function program(): Program {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ld-shop-')));
  writeFileSync(join(dir, 'server.js'), SERVER);
  let current: ChildProcess | null = null;
  const stop = async () => {
    const child = current;
    current = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(child.pid!, 'SIGTERM');
    await gone;
  };
  return {
    dir,
    async start(port) {
      await stop(); // one at a time: a second start is a restart, never a stray process left running
      const child = spawn(process.execPath, ['server.js', String(port)], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      current = child;
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`server.js exited early (${code})`)));
      });
      return child;
    },
    stop,
    pid: () => current?.pid ?? null,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function until<T>(
  read: () => T | undefined | null | false,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
