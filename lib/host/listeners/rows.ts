import 'server-only';
import type { Listener, Protocol } from '@/lib/host/listeners/types';
import type { Family } from '@/lib/net';
import type { ProcessInfo } from '@/lib/host/linux/processes';
import { outsideOrNull, outsideText } from '@/lib/text/outside';

/**
 * A process chooses its own name and arguments, so they are outside text: bounded (a JVM's command line
 * can be long, a hostile one endless) and bidi-inert. Done here, where every OS adapter builds its rows.
 */
const PROCESS_NAME_MAX_CHARS = 200;
const COMMAND_MAX_CHARS = 2000;
const EXECUTABLE_MAX_CHARS = 1000;

/**
 * Each word bounded as `command` is, and the words kept only up to the same total: a word past the cap is
 * replaced by the cut note, so whoever reads the argv can tell it is not the whole command line.
 */
function cappedArgv(argv: readonly string[] | null | undefined): string[] | null {
  if (!argv) return null;
  const out: string[] = [];
  let total = 0;
  for (const [i, word] of argv.entries()) {
    const room = COMMAND_MAX_CHARS - total;
    if (room <= 0) {
      out.push(`… (cut: ${argv.length - i} more words)`);
      break;
    }
    const kept = outsideText(word, room);
    out.push(kept);
    total += Math.min(word.length, room) + 1;
  }
  return out;
}

/**
 * Findings mention a process by its bare name ("node (pid 42)"), so a name must not carry the backticks
 * that mark the doctor's own code; command lines are always quoted and keep theirs.
 */
export function processName(name: string | null | undefined): string | null {
  return outsideOrNull(name, PROCESS_NAME_MAX_CHARS)?.replace(/`/g, '\\x60') ?? null;
}

/** A socket as an OS source reports it, before its owner's details are attached. */
export interface SocketRow {
  protocol: Protocol;
  address: string;
  port: number;
  family: Family;
  pid: number | null;
  inode?: number;
}

/** Joins a socket with what is known about its owner; unknown fields stay null, never guessed. */
export function toListener(row: SocketRow, owner: Partial<ProcessInfo> | undefined): Listener {
  return {
    protocol: row.protocol,
    address: row.address,
    port: row.port,
    family: row.family,
    pid: row.pid,
    process: processName(owner?.name),
    command: outsideOrNull(owner?.command, COMMAND_MAX_CHARS),
    argv: cappedArgv(owner?.argv),
    executable: outsideOrNull(owner?.executable, EXECUTABLE_MAX_CHARS),
    ...(owner?.cwd !== undefined ? { cwd: outsideOrNull(owner.cwd, EXECUTABLE_MAX_CHARS) } : {}),
    user: owner?.user ?? null,
    uid: owner?.uid ?? null,
    startedAt: owner?.startedAt ?? null,
    memoryBytes: owner?.memoryBytes ?? null,
    ...(row.inode !== undefined ? { inode: row.inode } : {}),
  };
}

/** Stable order for every OS: port, then tcp before udp, then IPv4 before IPv6, then address. */
export function sortListeners(listeners: Listener[]): Listener[] {
  return listeners.sort(
    (a, b) =>
      a.port - b.port ||
      a.protocol.localeCompare(b.protocol) ||
      a.family.localeCompare(b.family) ||
      a.address.localeCompare(b.address) ||
      (a.pid ?? -1) - (b.pid ?? -1),
  );
}

/** The sentence the UI shows when some sockets have no readable owner. */
export function unreadableOwnersWarning(count: number, elevated: boolean): string {
  const sockets = count === 1 ? '1 socket' : `${count} sockets`;
  return elevated
    ? `${sockets} whose owner could not be read even as root: the owner lives in another PID namespace (a container) or just exited`
    : `${sockets} whose owner could not be read: run with sudo to see them`;
}
