import { whoListensFixes } from '@/lib/diagnosis/commands';
import type { LearnValues } from '@/lib/learn/live-values';
import { CommandList } from '@/components/ui/CommandList';
import { C, Lesson } from '../Lesson';
import { ListenerList, PortNow, Unreadable } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

export function PortConflictsLesson({ values }: { values: LearnValues }) {
  const l = values.listeners;
  return (
    <Lesson
      slug="port-conflicts"
      tryTarget={`localhost:${values.port}`}
      live={
        l.status === 'ok' ? (
          <>
            <PortNow values={values} />
            {l.value.tcp.length > 0 ? (
              <>
                <p>Taken right now — a second server on one of these would fail to start:</p>
                <ListenerList listeners={l.value.tcp} max={5} />
              </>
            ) : null}
          </>
        ) : (
          <Unreadable what="the listening sockets" reading={l} />
        )
      }
    >
      <p>
        Only one program can listen on an address and port at a time. A second one fails to start with{' '}
        <C>address already in use</C> (<C>EADDRINUSE</C>; on Windows “only one usage of each socket address”).
        Often the first one is an old copy of the same server, still running in another terminal.
      </p>
      <p>
        Two ways out: stop whatever holds the port, or start yours on another one. Find the holder first — it
        may be something you want to keep.
      </p>
      <CommandList fixes={whoListensFixes(values.port)} />
      <TryLabs lesson="port-conflicts" />
    </Lesson>
  );
}
