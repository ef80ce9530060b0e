// Real Debian servers for probe tests: redis-server, PostgreSQL 15, OpenSSH's sshd, MariaDB and netcat-openbsd's `nc -l`, each on a
// loopback port proven free by binding it, ended by pid. PostgreSQL refuses to run as root, so under root
// initdb and postgres run as uid/gid 65534 (nobody) in a temp dir owned by it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '@/__tests__/support/servers';

export const REDIS = '/usr/bin/redis-server';
export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const NC = '/usr/bin/nc';
export const hasRedis = existsSync(REDIS);
export const hasPostgres = existsSync(join(PG_BIN, 'postgres')) && existsSync(join(PG_BIN, 'initdb'));
export const hasNc = existsSync(NC);
export const SSHD = '/usr/sbin/sshd';
export const MARIADBD = '/usr/sbin/mariadbd';
const SSH_KEYGEN = '/usr/bin/ssh-keygen';
export const hasSshd = existsSync(SSHD) && existsSync(SSH_KEYGEN);
export const hasMariadb = existsSync(MARIADBD);

const NOBODY = 65534;
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const started: { child: ChildProcess; dir?: string }[] = [];

export interface RealServer {
  port: number;
  pid: number;
}

/** Ends every server these helpers started, by pid, and removes their temp dirs. */
export async function stopRealServers(): Promise<void> {
  await Promise.all(
    started.splice(0).map(async ({ child, dir }) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    }),
  );
}

/** Resolves once 127.0.0.1:port accepts a connection (the server finished starting), or throws with its stderr. */
export async function untilAccepting(port: number, child: ChildProcess, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  let err = '';
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${err}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => (s.end(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`nothing accepted on ${port} within ${ms} ms: ${err}`);
}

/** Resolves once `port` accepts on 127.0.0.1, by watching the server's own output for `ready`. */
function untilReady(child: ChildProcess, ready: RegExp, what: string, ms = 20000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} not ready in ${ms} ms:\n${seen}`)), ms);
    const look = (chunk: Buffer): void => {
      seen += chunk.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}):\n${seen}`));
    });
  });
}

export async function startRedis(): Promise<RealServer> {
  const port = await closedPort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(REDIS, args, { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push({ child });
  await untilReady(child, /Ready to accept connections/, 'redis-server');
  return { port, pid: child.pid! };
}

export async function startPostgres(): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-pg-'));
  const ids = asRoot ? { uid: NOBODY, gid: NOBODY } : {};
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  const data = join(dir, 'data');
  const init = spawnSync(
    join(PG_BIN, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--locale=C', '-E', 'UTF8'],
    { cwd: dir, ...ids, encoding: 'utf8', timeout: 60000 },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await closedPort();
  const args = ['-D', data, '-k', dir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1'];
  const child = spawn(join(PG_BIN, 'postgres'), args, {
    cwd: dir,
    ...ids,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dir });
  await untilReady(child, /database system is ready to accept connections/, 'postgres');
  return { port, pid: child.pid! };
}

/**
 * OpenSSH's sshd in the foreground with a throwaway host key and no config file, on 127.0.0.1 only. sshd
 * insists on its privilege-separation directory, which the package creates only at boot (tmpfiles): as root,
 * the test creates it the same way (an empty root-owned directory, what a booted Debian has).
 */
export async function startSshd(): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-sshd-'));
  const key = join(dir, 'host_ed25519');
  const made = spawnSync(SSH_KEYGEN, ['-q', '-t', 'ed25519', '-N', '', '-f', key], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`ssh-keygen failed: ${made.stderr}`);
  if (asRoot) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const port = await closedPort();
  const args = ['-D', '-e', '-f', '/dev/null', '-h', key, '-p', String(port)];
  const child = spawn(SSHD, [...args, '-o', 'ListenAddress=127.0.0.1', '-o', 'PidFile=none'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dir });
  await untilReady(child, /Server listening on 127\.0\.0\.1/, 'sshd');
  return { port, pid: child.pid! };
}

/** MariaDB's server on an empty data directory (it greets every client before any login), 127.0.0.1 only. */
export async function startMariadb(): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-mariadb-'));
  const port = await closedPort();
  const args = ['--no-defaults', `--datadir=${dir}`, `--port=${port}`, '--bind-address=127.0.0.1'];
  const extra = [`--socket=${join(dir, 'sock')}`, '--skip-grant-tables', '--skip-log-error'];
  const child = spawn(MARIADBD, [...args, ...extra, ...(asRoot ? ['--user=root'] : [])], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dir });
  await untilReady(child, /ready for connections/, 'mariadbd', 40000);
  return { port, pid: child.pid! };
}

/** `nc -l 127.0.0.1 P`: accepts exactly one connection, then stops listening. */
export async function startNcOnce(): Promise<RealServer> {
  const port = await closedPort();
  const child = spawn(NC, ['-l', '127.0.0.1', String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  started.push({ child });
  // nc prints nothing when it listens: wait until the port is in the kernel's table (a connect would use it up).
  const deadline = Date.now() + 10000;
  while (!(await listensOn(port))) {
    if (Date.now() > deadline) throw new Error('nc did not start listening');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, pid: child.pid! };
}

/** Whether 127.0.0.1:port is taken, proven by failing to bind it (no connection is made). */
function listensOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}
