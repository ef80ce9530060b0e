import 'server-only';
import { readdirSync, readlinkSync, statSync } from 'node:fs';

/** The process and descriptor that hold a socket, confirmed by a readlink made during this call. */
export interface SocketOwner {
  pid: number;
  fd: number;
}

export interface OwnerLookup {
  owners: Map<number, SocketOwner>;
  /** Inodes no readable /proc/<pid>/fd points at (other user without root, other PID namespace). */
  unresolved: number[];
}

/*
 * Finding who holds socket inode N means reading /proc/<pid>/fd/* links until one says socket:[N].
 * `ss -p` reads every link of every process on every call. We remember what we saw, but never answer
 * from memory: a remembered (pid, fd) is re-read before it is returned, and whatever fails that check
 * is searched for again, most likely places first. Correctness never depends on the memory; only
 * the order of the search does.
 */
const verified = new Map<number, SocketOwner>();
/** Last seen link target of every fd, per pid: socket inode, or 0 for anything else. */
const fdLinks = new Map<number, Map<string, number>>();
/** Listening sockets seen in /proc/net, with the source (e.g. 'tcp') that listed them. */
const everLive = new Map<number, string>();
let knownPids = new Set<number>();
/** Processes whose fd directory we may not read (another user's, without root). */
const unreadable = new Set<number>();
/**
 * Inodes a thorough search could not attribute: until when that is trusted (ms since epoch) and how many
 * thorough searches in a row missed it. An owner in another PID namespace (a container with host
 * networking, the VM's own agent) stays out of sight for good, and a thorough search reads every fd of
 * every process: ~400 ms with 20,000 sockets, the event loop blocked all along. So each miss doubles
 * the wait before the next one (2 min, 4 min… up to 30 min). Meanwhile the quick pass still reads the
 * processes that are new or whose fd count changed, so a socket handed to a new process, or to a new
 * fd of an old one, is found at once; only an fd number reused for it by a process whose fd count
 * stayed the same waits for the thorough search.
 */
const unowned = new Map<number, { until: number; misses: number }>();
const UNOWNED_FIRST_WAIT_MS = 2 * 60_000;
const UNOWNED_MAX_WAIT_MS = 30 * 60_000;

/** What the last call did, for the tests: whether it read every fd of every process. */
export const lastSearch = { thorough: false };

function socketInodeAt(pid: number, fd: string): number {
  try {
    const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
    return link.startsWith('socket:[') ? Number(link.slice(8, -1)) : 0;
  } catch {
    return -1; // closed since we listed it, or the process exited
  }
}

/** An fd no longer points where it did: drop what we remembered about its old target. */
function forget(pid: number, fd: string, inode: number | undefined): void {
  if (!inode) return;
  const owner = verified.get(inode);
  if (owner && owner.pid === pid && String(owner.fd) === fd) verified.delete(inode);
}

interface Search {
  remaining: Set<number>;
  owners: Map<number, SocketOwner>;
  /** fds read during this call, per pid, so the thorough pass does not read them twice. */
  readNow: Map<number, Set<string>>;
}

/** Reads one link and files the answer: in the fd memory, the verified map, and the search. */
function readAndRecord(search: Search, pid: number, fd: string, links: Map<string, number>): void {
  const before = links.get(fd);
  const inode = socketInodeAt(pid, fd);
  links.set(fd, Math.max(inode, 0));
  if (inode !== before) forget(pid, fd, before);
  if (inode <= 0) return;
  // Remember listening sockets only: they are what we are asked about again, and they are few.
  if (everLive.has(inode) && !verified.has(inode)) verified.set(inode, { pid, fd: Number(fd) });
  if (search.remaining.delete(inode)) search.owners.set(inode, { pid, fd: Number(fd) });
}

/**
 * A listener that disappeared from /proc/net since last time most often left its fd number to its
 * replacement (the kernel hands out the lowest free fd), so its old (pid, fd) is read first.
 */
function probeVacatedFds(search: Search, vanished: number[]): void {
  for (const inode of vanished) {
    const owner = verified.get(inode);
    if (!owner || search.remaining.size === 0) continue;
    const links = fdLinks.get(owner.pid) ?? new Map<string, number>();
    readAndRecord(search, owner.pid, String(owner.fd), links);
    fdLinks.set(owner.pid, links);
  }
}

/** Number of open fds without listing them: /proc/<pid>/fd reports it as its size (Linux ≥ 6.2). */
function fdCountChanged(pid: number): boolean {
  const size = statSync(`/proc/${pid}/fd`, { throwIfNoEntry: false })?.size;
  return size === undefined || size === 0 || size !== fdLinks.get(pid)?.size;
}

/**
 * Search order: processes never read (a just-started server), then those whose fd count changed (one
 * that just opened a socket), previous owners first within each group, then the unchanged ones, and
 * last the ones we were refused before. `changed` counts the first two groups (new, fd count changed).
 */
function searchOrder(): { order: number[]; changed: number } {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const code = name.charCodeAt(0);
    if (code >= 48 && code <= 57) pids.push(Number(name));
  }
  pids.sort((a, b) => a - b);
  const owners = new Set<number>();
  for (const { pid } of verified.values()) owners.add(pid);
  const groups: number[][] = [[], [], [], [], [], []];
  for (const pid of pids) {
    if (unreadable.has(pid) && knownPids.has(pid)) groups[5]!.push(pid);
    else if (!fdLinks.has(pid) || !knownPids.has(pid)) groups[0]!.push(pid);
    else groups[(fdCountChanged(pid) ? 1 : 3) + (owners.has(pid) ? 0 : 1)]!.push(pid);
  }
  knownPids = new Set(pids);
  for (const pid of unreadable) if (!knownPids.has(pid)) unreadable.delete(pid);
  for (const [pid, links] of fdLinks) {
    if (knownPids.has(pid)) continue;
    for (const [fd, inode] of links) forget(pid, fd, inode);
    fdLinks.delete(pid);
  }
  return { order: groups.flat(), changed: groups[0]!.length + groups[1]!.length + groups[2]!.length };
}

/**
 * One pass over a process's fds. Quick: only links that may have changed in a way that matters.
 * Thorough: every link not read during this call (an fd number may have been closed and reused).
 */
function scanPid(search: Search, pid: number, thorough: boolean): void {
  let names: string[];
  try {
    names = readdirSync(`/proc/${pid}/fd`);
  } catch {
    unreadable.add(pid); // not ours to read (EACCES), or already gone
    return;
  }
  unreadable.delete(pid);
  const seen = fdLinks.get(pid) ?? new Map<string, number>();
  const readNow = search.readNow.get(pid) ?? new Set<string>();
  const links = new Map<string, number>();
  for (const fd of names) {
    const before = seen.get(fd);
    seen.delete(fd);
    if (before !== undefined) links.set(fd, before);
    // Quick: an fd is worth reading when it is new, or when it held a wanted socket last time (the
    // socket was shared, e.g. by forked workers, and the owner we remembered let go of it).
    const worthReading = thorough ? !readNow.has(fd) : before === undefined || search.remaining.has(before);
    if (!worthReading) continue;
    readNow.add(fd);
    readAndRecord(search, pid, fd, links);
  }
  for (const [fd, inode] of seen) forget(pid, fd, inode); // fds closed since last time
  fdLinks.set(pid, links);
  search.readNow.set(pid, readNow);
}

/**
 * Owners of the given socket inodes. `live` holds every listening socket inode just seen in
 * /proc/net, per source ('tcp', 'udp'), not only the wanted ones: it tells which listeners vanished.
 */
export function findSocketOwners(
  wanted: Iterable<number>,
  live: Map<string, Set<number>>,
  now = Date.now(),
): OwnerLookup {
  const search: Search = { remaining: new Set(), owners: new Map(), readNow: new Map() };
  const vanished: number[] = [];
  for (const [inode, source] of everLive) {
    if (live.get(source)?.has(inode) === false) vanished.push(inode);
  }
  for (const [source, inodes] of live) for (const inode of inodes) everLive.set(inode, source);
  for (const inode of wanted) {
    if (inode === 0) continue; // kernel sockets: no process holds them
    const cached = verified.get(inode);
    if (cached && socketInodeAt(cached.pid, String(cached.fd)) === inode) search.owners.set(inode, cached);
    else search.remaining.add(inode);
  }
  lastSearch.thorough = false;
  if (search.remaining.size > 0) {
    probeVacatedFds(search, vanished);
    const thoroughDue = () => [...search.remaining].some((inode) => (unowned.get(inode)?.until ?? 0) < now);
    const { order, changed } = search.remaining.size > 0 ? searchOrder() : { order: [], changed: 0 };
    // While every missing inode waits (see `unowned`), only processes that are new or whose fd count
    // changed are read: an owner that appeared since has one or the other.
    const quick = thoroughDue() ? order : order.slice(0, changed);
    for (const pid of quick) {
      if (search.remaining.size === 0) break;
      scanPid(search, pid, false);
    }
    lastSearch.thorough = thoroughDue();
    for (const pid of lastSearch.thorough ? order : []) {
      if (!thoroughDue()) break;
      scanPid(search, pid, true);
    }
    for (const inode of search.remaining) {
      const before = unowned.get(inode);
      if (before && before.until >= now) continue;
      const misses = (before?.misses ?? 0) + 1;
      const wait = Math.min(UNOWNED_FIRST_WAIT_MS * 2 ** (misses - 1), UNOWNED_MAX_WAIT_MS);
      unowned.set(inode, { until: now + wait, misses });
    }
  }
  for (const inode of search.owners.keys()) unowned.delete(inode);
  for (const inode of vanished) {
    everLive.delete(inode);
    verified.delete(inode);
    unowned.delete(inode);
  }
  return { owners: search.owners, unresolved: [...search.remaining] };
}
