import type { Listener } from '@/lib/host/listeners/types';
import { describeOwner } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import type { Fact } from '@/lib/diagnosis/types';
import type { LearnValues } from '@/lib/learn/live-values';
import { C } from './Lesson';

/** A reading that failed, said plainly (the rest of the lesson still stands). */
export function Unreadable({
  what,
  reading,
}: {
  what: string;
  reading: Extract<Fact<unknown>, { status: 'failed' }>;
}) {
  return (
    <p className="text-amber-900 dark:text-amber-200">
      Could not read {what} on this machine: {reading.error}
    </p>
  );
}

export function ListenerLine({ l }: { l: Listener }) {
  return (
    <>
      <C>{hostPort(l.address, l.port)}</C> — {describeOwner(l)}
    </>
  );
}

/** Who listens on the lesson's example port right now, or that nothing does. */
export function PortNow({ values }: { values: LearnValues }) {
  if (values.listeners.status === 'failed')
    return <Unreadable what="the listening sockets" reading={values.listeners} />;
  const on = values.listeners.value.tcp.filter((l) => l.port === values.port);
  if (on.length === 0) return <p>Nothing listens on TCP port {values.port} right now.</p>;
  return (
    <p>
      On port {values.port} right now:{' '}
      {on.map((l, i) => (
        <span key={`${l.address}-${l.pid}`}>
          {i > 0 ? '; ' : ''}
          <ListenerLine l={l} />
        </span>
      ))}
      .
    </p>
  );
}

/** A short list of listeners, with a count of the rest. */
export function ListenerList({ listeners, max = 6 }: { listeners: readonly Listener[]; max?: number }) {
  return (
    <ul className="grid gap-1">
      {listeners.slice(0, max).map((l) => (
        <li key={`${l.address}-${l.port}-${l.pid}`}>
          <ListenerLine l={l} />
        </li>
      ))}
      {listeners.length > max ? (
        <li className="text-slate-600 dark:text-slate-400">and {listeners.length - max} more</li>
      ) : null}
    </ul>
  );
}
