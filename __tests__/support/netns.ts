// A throwaway network namespace with only loopback: whatever a test binds or blocks in it cannot touch the
// host's network, and nothing in it can reach outside.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

let counter = 0;

export const canUseNetns = (() => {
  if (
    typeof process.getuid !== 'function' ||
    process.getuid() !== 0 ||
    (!existsSync('/usr/sbin/ip') && !existsSync('/sbin/ip') && !existsSync('/usr/bin/ip'))
  )
    return false;
  try {
    const probe = `ldprobe-${process.pid}`;
    execFileSync('ip', ['netns', 'add', probe], { stdio: 'ignore' });
    execFileSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export interface Namespace {
  name: string;
  /** Runs a command inside the namespace to completion: its exit status and output. */
  exec(cmd: string, args: string[]): { status: number | null; stdout: string; stderr: string };
  /** Starts a long-running process inside the namespace; killed by pid on destroy(). */
  spawn(cmd: string, args: string[]): ChildProcess;
  destroy(): Promise<void>;
}

export function createNamespace(): Namespace {
  const name = `ldtest-${process.pid}-${++counter}`;
  execFileSync('ip', ['netns', 'add', name]);
  execFileSync('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  const children: ChildProcess[] = [];
  return {
    name,
    exec: (cmd, args) => {
      const r = spawnSync('ip', ['netns', 'exec', name, cmd, ...args], { encoding: 'utf8', timeout: 60_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    spawn: (cmd, args) => {
      const child = spawn('ip', ['netns', 'exec', name, cmd, ...args], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      return child;
    },
    destroy: async () => {
      await Promise.all(
        children.map(async (c) => {
          if (c.exitCode !== null || c.signalCode !== null || c.pid === undefined) return;
          const gone = new Promise((r) => c.once('exit', r));
          process.kill(c.pid, 'SIGKILL');
          await gone;
        }),
      );
      execFileSync('ip', ['netns', 'del', name]);
    },
  };
}

/** Waits for the first line a child prints (e.g. the port it listens on). */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (b: Buffer) => {
      buf += b.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl).trim());
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before printing a line`)));
  });
}
