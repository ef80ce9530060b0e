import type { LearnValues } from '@/lib/learn/live-values';
import { plural } from '@/components/ui/format';
import { C, Lesson } from '../Lesson';
import { ListenerList, PortNow, Unreadable } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

export function PortsLesson({ values }: { values: LearnValues }) {
  const l = values.listeners;
  return (
    <Lesson
      slug="ports"
      tryTarget={`127.0.0.1:${values.port}`}
      live={
        l.status === 'ok' ? (
          <>
            <p>
              {l.value.tcp.length === 0
                ? 'No TCP port is listening right now.'
                : `Listening right now: ${plural(l.value.tcp.length, 'TCP socket')}.`}
            </p>
            <ListenerList listeners={l.value.tcp} />
            <PortNow values={values} />
          </>
        ) : (
          <Unreadable what="the listening sockets" reading={l} />
        )
      }
    >
      <p>
        An address gets you to a machine; a <strong>port</strong> — a number from 1 to 65535 — picks one
        program on it. A server asks the operating system for a port (it <em>binds</em> it and{' '}
        <em>listens</em>), and the OS hands it every incoming connection for that port.
      </p>
      <p>
        When nothing listens on a port, the OS answers a connection attempt at once with a refusal —{' '}
        <C>connection refused</C>, <C>ECONNREFUSED</C>. That is the most common reason a local address
        “doesn’t work”: the service isn’t running, crashed while starting, or listens on another port than you
        think.
      </p>
      <p>TCP and UDP have separate ports: a DNS server on UDP port 53 says nothing about TCP port 53.</p>
      <TryLabs lesson="ports" />
    </Lesson>
  );
}
