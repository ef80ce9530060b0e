import 'server-only';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
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

/** Splits chunks into rows and keeps the wanted ones; `push` says false when the reader may stop. */
class RowCollector {
  readonly rows: ProcNetRow[] = [];
  private carry = '';
  private headerSeen = false;

  constructor(private readonly options: ReadProcNetOptions) {}

  push(chunk: string): boolean {
    const lines = (this.carry + chunk).split('\n');
    this.carry = lines.pop() ?? '';
    for (const line of lines) {
      if (!this.headerSeen) {
        this.headerSeen = true;
        continue;
      }
      const fields = procNetFields(line);
      if (!fields) continue;
      if (this.options.listenersOnly && fields.state !== TCP_LISTEN) return false;
      if (!matches(fields, this.options)) continue;
      const row = decodeProcNetFields(fields);
      if (row) this.rows.push(row);
    }
    return true;
  }
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
  const collector = new RowCollector(options);
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0 || !collector.push(buffer.toString('latin1', 0, n))) break;
    }
    return collector.rows;
  } finally {
    closeSync(fd);
  }
}

/**
 * The same, read in the thread pool. For the reads that must walk the whole file: the kernel walks every
 * bucket of its connection hash (262,144 here) to print it, tens of milliseconds even when few sockets
 * exist, and a synchronous read would hold up the probe and the firewall tools all that time.
 */
export async function readProcNetAsync(
  path: string,
  options: ReadProcNetOptions = {},
): Promise<ProcNetRow[] | null> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const collector = new RowCollector(options);
  const own = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(own, 0, CHUNK_BYTES, null);
      if (bytesRead === 0 || !collector.push(own.toString('latin1', 0, bytesRead))) break;
    }
    return collector.rows;
  } finally {
    await handle.close();
  }
}
