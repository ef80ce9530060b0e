import 'server-only';
import { readFileSync, readlinkSync } from 'node:fs';

/** What a listener row shows about its owner; every field null when it could not be read. */
export interface ProcessInfo {
  pid: number;
  /** Short name (the kernel's comm, at most 15 characters). */
  name: string | null;
  /** Full command line, arguments joined by spaces. */
  command: string | null;
  /** The same command line as its words (NUL-separated in /proc/<pid>/cmdline); null when there is none. */
  argv: string[] | null;
  /** Path of the running binary (/proc/<pid>/exe); null when it cannot be read (another user's process). */
  executable: string | null;
  /** The directory it runs in (/proc/<pid>/cwd): its relative paths (manage.py, app:app) start there. */
  cwd?: string | null;
  uid: number | null;
  user: string | null;
  startedAt: string | null;
  memoryBytes: number | null;
}

// USER_HZ: the unit of /proc/<pid>/stat starttime. It is 100 on every mainstream Linux build and
// not readable without calling sysconf(), which Node cannot do.
export const CLK_TCK = 100;

/** comm and starttime from /proc/<pid>/stat; comm may contain spaces and parentheses, so split at the last ')'. */
export function parseProcStat(text: string): { name: string; startTicks: number } | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  // After ')' come fields 3 (state) onwards; starttime is field 22.
  const after = text.slice(close + 2).split(' ');
  const startTicks = Number(after[19]);
  return Number.isFinite(startTicks) ? { name: text.slice(open + 1, close), startTicks } : null;
}

/** Effective uid and resident memory (VmRSS, kB → bytes) from /proc/<pid>/status. */
export function parseProcStatus(text: string): { uid: number | null; memoryBytes: number | null } {
  const uid = text.match(/^Uid:\s+\d+\s+(\d+)/m);
  const rss = text.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return { uid: uid ? Number(uid[1]) : null, memoryBytes: rss ? Number(rss[1]) * 1024 : null };
}

/** NUL-separated argv → its words; null when empty (kernel threads and zombies have no cmdline). */
export function parseArgv(raw: string): string[] | null {
  const args = raw.split('\0');
  while (args.length > 0 && args[args.length - 1] === '') args.pop();
  return args.length > 0 ? args : null;
}

/** NUL-separated argv → one line; null when empty. */
export function parseCmdline(raw: string): string | null {
  return parseArgv(raw)?.join(' ') ?? null;
}

/**
 * The kernel cuts comm to 15 characters ("next-server (v1"); when argv[0] starts with it, argv[0]'s base name
 * is the whole name ("next-server (v16.4.6)", "python3.11").
 */
export function fullProcessName(comm: string | null, rawCmdline: string): string | null {
  if (comm === null || comm.length < 15) return comm;
  const argv0 = rawCmdline.split('\0')[0] ?? '';
  const base = argv0.slice(
    argv0.lastIndexOf('/', argv0.indexOf(' ') >= 0 ? argv0.indexOf(' ') : argv0.length) + 1,
  );
  return base.startsWith(comm) ? base : comm;
}

/** uid → login name from /etc/passwd text. */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid && /^\d+$/.test(uid) && !users.has(Number(uid))) users.set(Number(uid), name);
  }
  return users;
}

/** Boot time (seconds since the epoch) from /proc/stat's btime line. */
export function parseBootTime(procStat: string): number | null {
  const match = procStat.match(/^btime\s+(\d+)/m);
  return match ? Number(match[1]) : null;
}

export function startedAtIso(startTicks: number, bootTimeSeconds: number, clkTck: number = CLK_TCK): string {
  return new Date((bootTimeSeconds + startTicks / clkTck) * 1000).toISOString();
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process exited, or it is not ours to read
  }
}

function readlinkOrNull(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null; // another user's process without root, or it exited
  }
}

// The boot time is fixed until the next boot, so reading it once per server process is exact.
let bootTime: number | null | undefined;
function bootTimeSeconds(): number | null {
  if (bootTime === undefined) bootTime = parseBootTime(readOrNull('/proc/stat') ?? '');
  return bootTime;
}

/** Details of just these processes, read fresh on every call (a pid may have been reused). */
export function readLinuxProcesses(pids: Iterable<number>): Map<number, ProcessInfo> {
  const result = new Map<number, ProcessInfo>();
  let users: Map<number, string> | undefined;
  for (const pid of pids) {
    const stat = parseProcStat(readOrNull(`/proc/${pid}/stat`) ?? '');
    const status = parseProcStatus(readOrNull(`/proc/${pid}/status`) ?? '');
    const cmdline = readOrNull(`/proc/${pid}/cmdline`) ?? '';
    const boot = bootTimeSeconds();
    if (status.uid !== null && users === undefined) users = parsePasswd(readOrNull('/etc/passwd') ?? '');
    result.set(pid, {
      pid,
      name: fullProcessName(stat?.name ?? null, cmdline),
      command: parseCmdline(cmdline),
      argv: parseArgv(cmdline),
      executable: readlinkOrNull(`/proc/${pid}/exe`),
      cwd: readlinkOrNull(`/proc/${pid}/cwd`),
      uid: status.uid,
      user: status.uid === null ? null : (users?.get(status.uid) ?? null),
      startedAt: stat && boot !== null ? startedAtIso(stat.startTicks, boot) : null,
      memoryBytes: status.memoryBytes,
    });
  }
  return result;
}
