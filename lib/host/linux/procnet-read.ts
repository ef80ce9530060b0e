import 'server-only';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  decodeProcNetFields,
  portOf,
  procNetFields,
  TCP_LISTEN,
  type ProcNetFields,
  type ProcNetRow,
} from '@/lib/host/linux/procnet';

export interface ReadProcNetOptions {
  /**
   * Stop at the first row that is not LISTEN. Safe for tcp/tcp6 only: the kernel's seq iterator
   * walks the listening hash before the established hash, so every LISTEN row comes first. On a
   * busy host this skips megabytes of established and TIME_WAIT rows.
   */
  listenersOnly?: boolean;
  /** Only rows whose local or (withRemote) remote port is this; others are never decoded. */
  port?: number;
  withRemote?: boolean;
  /** Keep only rows in this state (checked before decoding). */
  state?: number;
  /** Receives the inode of every row in the wanted state, even those the port filter drops. */
  collectInodes?: Set<number>;
}

// One reusable buffer: reads are synchronous, so no two calls can share it at once. Sync reads of
// /proc measured faster than fs.promises here (no thread-pool hop per chunk) and never block long.
const CHUNK_BYTES = 128 * 1024;
const buffer = Buffer.allocUnsafe(CHUNK_BYTES);

function matches(fields: ProcNetFields, options: ReadProcNetOptions): boolean {
  if (options.state !== undefined && fields.state !== options.state) return false;
  options.collectInodes?.add(fields.inode);
  if (options.port === undefined || portOf(fields.local) === options.port) return true;
  return Boolean(options.withRemote) && portOf(fields.remote) === options.port;
}

/**
 * Rows of one /proc/net/{tcp,tcp6,udp,udp6} file, read in chunks so a listener lookup can stop
 * early. Returns null when the file does not exist (IPv6 disabled, or no /proc at all).
 */
export function readProcNet(path: string, options: ReadProcNetOptions = {}): ProcNetRow[] | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const rows: ProcNetRow[] = [];
  try {
    let carry = '';
    let headerSeen = false;
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      const lines = (carry + buffer.toString('latin1', 0, n)).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) {
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        const fields = procNetFields(line);
        if (!fields) continue;
        if (options.listenersOnly && fields.state !== TCP_LISTEN) return rows;
        if (!matches(fields, options)) continue;
        const row = decodeProcNetFields(fields);
        if (row) rows.push(row);
      }
    }
    return rows;
  } finally {
    closeSync(fd);
  }
}
