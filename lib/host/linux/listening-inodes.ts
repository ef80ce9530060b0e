import 'server-only';
import { closeSync, openSync, readSync } from 'node:fs';

// Small reads: the kernel formats rows up to the buffer's size, so a small buffer stops it soon after the
// last LISTEN row instead of formatting thousands of established ones the caller would throw away.
const CHUNK_BYTES = 32 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK_BYTES);

/** Inodes of one /proc/net file's rows in `state` (TCP: stop at the first other state; LISTEN rows come first). */
function inodesOf(path: string, state: string, stopAtOther: boolean, into: string[]): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return path.endsWith('6'); // a missing tcp6/udp6 is IPv6 being off; a missing tcp/udp is a failure
  }
  try {
    let carry = '';
    let header = true;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) return true;
      const lines = (carry + buffer.toString('latin1', 0, n)).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        if (header) {
          header = false;
          continue;
        }
        const f = line.trim().split(/\s+/, 10);
        if (f.length < 10) continue;
        if (f[3] !== state) {
          if (stopAtOther) return true;
          continue;
        }
        // A bound UDP socket has no peer; state 07 also covers connected-then-disconnected ones.
        if (!stopAtOther && !f[2]!.endsWith(':0000')) continue;
        into.push(f[9]!);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Every listening TCP and bound UDP socket inode, as one string: equal strings mean no socket opened or
 * closed. A fraction of a full listing's cost (no addresses decoded, no owners looked up); null when a file
 * could not be read.
 */
export function listeningInodesSignature(): string | null {
  const inodes: string[] = [];
  const ok =
    inodesOf('/proc/net/tcp', '0A', true, inodes) &&
    inodesOf('/proc/net/tcp6', '0A', true, inodes) &&
    inodesOf('/proc/net/udp', '07', false, inodes) &&
    inodesOf('/proc/net/udp6', '07', false, inodes);
  return ok ? inodes.sort().join(' ') : null;
}
