import type { ReactNode } from 'react';
import type { Listener } from '@/lib/host/listeners/types';
import { hostPort } from '@/lib/net';
import { ClampedCode } from '@/components/ui/ClampedCode';
import { formatAge, formatBytes, formatClock } from '@/components/ui/format';

/** Who listens on the port: process, pid, user, full command line, address and since when. */
export function ListenerOwners({
  listeners,
  now,
  showMemory = false,
  action,
}: {
  listeners: readonly Listener[];
  now: number;
  showMemory?: boolean;
  /**
   * Something to do about one listener, shown on its card: the caller renders one of the engine's actions
   * (e.g. its stop for this socket's process), never one it decided on itself.
   */
  action?: (listener: Listener) => ReactNode;
}) {
  return (
    <ul className="grid gap-2">
      {listeners.map((l) => (
        <li
          key={`${l.protocol}-${l.address}-${l.port}-${l.pid ?? 'unknown'}`}
          className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-base font-semibold">
              {l.pid === null ? 'Owner hidden' : (l.process ?? 'unknown process')}
            </span>
            {l.pid !== null ? (
              <span>pid {l.pid}</span>
            ) : (
              <span className="text-amber-800 dark:text-amber-200">this user can’t see its process</span>
            )}
            {l.user ? <span>user {l.user}</span> : null}
            {showMemory && l.memoryBytes !== null ? <span>{formatBytes(l.memoryBytes)} memory</span> : null}
            {action ? <span className="ml-auto">{action(l)}</span> : null}
          </p>
          {l.command ? (
            <div className="mt-1">
              <ClampedCode text={l.command} label="Command line" />
            </div>
          ) : null}
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            on <span className="font-mono">{hostPort(l.address, l.port)}</span> · {l.protocol.toUpperCase()} ·{' '}
            {l.family}
            {l.startedAt ? (
              <>
                {' '}
                · running since {formatClock(l.startedAt)} ({formatAge(l.startedAt, now)})
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
