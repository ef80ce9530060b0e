import { shellFix, unixFixes } from '@/lib/diagnosis/fix';
import type { Facts, Fix } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import { cmd } from '@/lib/shell/script';
import { quoteOutside } from '@/lib/text/outside';

/** Who to stop for a port: the process whose exit closes the socket, never a worker a master replaces. */
export interface LifetimeOwner {
  pid: number;
  process: string | null;
  command: string | null;
  user: string | null;
  uid: number | null;
  startedAt: string | null;
  /** The other holders (a prefork master's workers), by pid. */
  workers: number[];
  /** Its fds could not be read: it holds the socket by inference (parent of a holder, same program). */
  inferred: boolean;
}

/** The lifetime owner of each holder of the port, once each (a master with eight workers is one entry). */
export function lifetimeOwners(listeners: Listener[]): LifetimeOwner[] {
  const byPid = new Map<number, LifetimeOwner>();
  for (const l of listeners) {
    const lo = l.lifetimeOwner;
    if (lo) {
      const workers = (l.holders ?? []).map((h) => h.pid).filter((pid) => pid !== lo.pid);
      const known = byPid.get(lo.pid);
      if (known) known.workers = [...new Set([...known.workers, ...workers])];
      else
        byPid.set(lo.pid, {
          pid: lo.pid,
          process: lo.process,
          command: lo.pid === l.pid ? l.command : null,
          user: lo.user,
          uid: lo.uid,
          startedAt: lo.startedAt,
          workers,
          inferred: !lo.confirmed,
        });
    } else if (l.pid !== null && !byPid.has(l.pid)) {
      byPid.set(l.pid, {
        pid: l.pid,
        process: l.process,
        command: l.command,
        user: l.user,
        uid: l.uid,
        startedAt: l.startedAt,
        workers: [],
        inferred: false,
      });
    }
  }
  return [...byPid.values()];
}

/** Whether the doctor's user may signal it: the same uid, or the doctor runs as root. */
export function mayStop(owner: LifetimeOwner, self: Facts['self']): boolean {
  return self.uid === 0 || (owner.uid !== null && owner.uid === self.uid);
}

/** The sentence that names the master and its workers, empty for a single holder. */
export function workersSentence(owner: LifetimeOwner): string {
  if (owner.workers.length === 0) return '';
  const name = quoteOutside(owner.process ?? 'the process');
  const n = owner.workers.length;
  return (
    ` ${name} (pid ${owner.pid}${owner.user ? `, ${owner.user}` : ''}) is the master: it opened the socket and ` +
    `${n} worker${n === 1 ? '' : 's'} (pid ${owner.workers.join(', ')}) share it. Stopping a worker frees nothing — ` +
    `the master starts another — so the master is the one to stop` +
    (owner.inferred
      ? ` (its descriptors are not readable to you: it is the workers' parent, the same program).`
      : '.')
  );
}

/** Stop commands for another user's process: with sudo, as the doctor cannot do it for you. */
export function sudoStopFixes(pid: number, name: string, user: string | null): Fix[] {
  const stop = `Stop ${name} (pid ${pid}${user ? `, runs as ${user}` : ''})`;
  return [
    ...unixFixes(stop, cmd('sudo', 'kill', String(pid))),
    shellFix('win32', stop, cmd('taskkill', '/PID', String(pid))),
  ];
}
