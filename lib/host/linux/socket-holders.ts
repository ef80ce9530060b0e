import 'server-only';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/*
 * Every process that holds one listening socket, as `ss -ltnp` lists them
 * (users:(("nginx",pid=1,fd=6),("nginx",pid=2,fd=6))), and the one that owns its lifetime. A prefork
 * server (nginx, gunicorn, Apache, php-fpm) opens the socket in its master and forks workers that inherit
 * it: stopping a worker frees nothing (the master starts another), stopping the master frees the port.
 *
 * What can be read: /proc/<pid>/stat (the parent pid) and /proc/<pid>/comm of every process, by anyone;
 * /proc/<pid>/fd only of one's own processes (root: all). So a normal user may see the workers it can
 * read and the master above them, whose holding the socket is then inferred (same program, parent of a
 * holder), never claimed as read.
 */

export interface SocketHolder {
  pid: number;
  /** The descriptor that points at the socket; null when inferred (its fds are not readable to us). */
  fd: number | null;
  /** Read in /proc/<pid>/fd during this call (true), or inferred as the parent of a holder (false). */
  confirmed: boolean;
}

export interface SocketHolders {
  holders: SocketHolder[];
  /** The topmost holder: the process whose exit closes the socket (a prefork server's master). */
  lifetimeOwner: SocketHolder;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return null;
  }
}

/** The parent pid: the fourth field of /proc/<pid>/stat, after the parenthesised name (which may hold spaces). */
export function parentPid(stat: string): number | null {
  const close = stat.lastIndexOf(')');
  if (close === -1) return null;
  const ppid = Number(stat.slice(close + 2).split(' ')[1]);
  return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
}

const comm = (pid: number) => readOrNull(`/proc/${pid}/comm`)?.trim() ?? null;

/** The fd of `pid` that points at socket `inode`; null when none does; 'unreadable' when we may not look. */
function fdHolding(pid: number, inode: number): number | null | 'unreadable' {
  let names: string[];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return 'unreadable';
  }
  const target = `socket:[${inode}]`;
  for (const fd of names) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return Number(fd);
    } catch {
      // closed while we looked
    }
  }
  return null;
}

/** Child pids of every thread of `pid` (/proc/<pid>/task/<tid>/children), without scanning all of /proc. */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) =>
    (readOrNull(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number),
  );
}

/** Holders of listening socket `inode`, starting from `owner`, a process seen holding it (fd `fd`). */
export function findSocketHolders(inode: number, owner: number, fd: number): SocketHolders {
  const name = comm(owner);
  const found = new Map<number, SocketHolder>([[owner, { pid: owner, fd, confirmed: true }]]);
  // Up: a parent that holds the same socket (read), or runs the same program and hides its fds (inferred).
  let top = owner;
  for (let depth = 0; depth < 8; depth++) {
    const parent = parentPid(readOrNull(`/proc/${top}/stat`) ?? '');
    if (parent === null || parent === 1) break;
    const held = fdHolding(parent, inode);
    if (typeof held === 'number') found.set(parent, { pid: parent, fd: held, confirmed: true });
    else if (held === 'unreadable' && name !== null && comm(parent) === name)
      found.set(parent, { pid: parent, fd: null, confirmed: false });
    else break;
    top = parent;
    if (held === 'unreadable') break; // never infer two levels up
  }
  // Down: the lifetime owner's children that hold it too (the other workers).
  for (const child of childrenOf(top)) {
    if (found.has(child)) continue;
    const held = fdHolding(child, inode);
    if (typeof held === 'number') found.set(child, { pid: child, fd: held, confirmed: true });
  }
  const holders = [...found.values()].sort((a, b) => a.pid - b.pid);
  return { holders, lifetimeOwner: found.get(top)! };
}
