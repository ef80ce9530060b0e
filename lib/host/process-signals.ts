import 'server-only';
import type { LiveProcess, StopSignal } from '@/lib/host/actions/stop-decision';
import type { Listener } from '@/lib/host/listeners/types';
import type { SignalFailure } from '@/lib/host/types';

/*
 * Process helpers every OS shares: whether a pid exists, the holder's row as the process, and POSIX signals.
 * An OS folder uses them where it has no better source (Linux reads /proc instead).
 */

/** Exists, even if not ours to signal (EPERM still proves it exists). */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process as the listing showed it; for a pid that holds nothing, only whether it exists. */
export function liveFromHolders(pid: number, holders: Listener[]): LiveProcess | null {
  const row = holders.find((h) => h.pid === pid);
  if (row) return { pid, name: row.process, command: row.command, uid: row.uid, startedAt: row.startedAt };
  // Not a holder: whether it exists at all is all the refusal needs.
  if (!pidExists(pid)) return null;
  return { pid, name: null, command: null, uid: null, startedAt: null };
}

export async function posixSignal(pid: number, signal: StopSignal): Promise<SignalFailure | null> {
  try {
    process.kill(pid, signal);
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ESRCH') return null; // gone already: the wait reports it as stopped
    return { refused: e.code === 'EPERM', reason: `${e.code ?? 'error'}: ${e.message}` };
  }
}
