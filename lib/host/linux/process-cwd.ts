import 'server-only';
import { readlinkSync } from 'node:fs';

/** Where the process was started from, as the kernel tracks it; null for another user's process without root. */
export function linuxProcessCwd(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return null;
  }
}
