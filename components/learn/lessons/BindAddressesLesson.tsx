import type { LearnValues } from '@/lib/learn/live-values';
import { C, Lesson } from '../Lesson';
import { ListenerList, Unreadable } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

export function BindAddressesLesson({ values }: { values: LearnValues }) {
  const l = values.listeners;
  return (
    <Lesson
      slug="bind-addresses"
      tryTarget={`0.0.0.0:${values.port}`}
      live={
        l.status === 'ok' ? (
          <>
            <p>
              Listening sockets: <strong>{l.value.loopbackOnly.length}</strong> for this machine only
              (loopback), <strong>{l.value.everyInterface.length}</strong> on every interface
              {l.value.specificAddress.length > 0 ? (
                <>
                  , <strong>{l.value.specificAddress.length}</strong> on one specific address
                </>
              ) : null}
              .
            </p>
            {l.value.everyInterface.length > 0 ? (
              <>
                <p>Reachable from other machines (unless a firewall stops it):</p>
                <ListenerList listeners={l.value.everyInterface} max={5} />
              </>
            ) : null}
          </>
        ) : (
          <Unreadable what="the listening sockets" reading={l} />
        )
      }
    >
      <p>
        When a server listens, it also chooses <em>which of this machine’s addresses</em> to listen on — its{' '}
        <strong>bind address</strong>:
      </p>
      <ul className="grid list-disc gap-1 pl-5">
        <li>
          <C>127.0.0.1</C> (or <C>::1</C>): only programs on this machine can connect. The safe choice for
          development.
        </li>
        <li>
          <C>0.0.0.0</C>: every IPv4 address this machine has — including the one your Wi-Fi gave it, so
          others on the network can connect too. <C>::</C> is the same for IPv6 (and on Linux usually takes
          IPv4 as well).
        </li>
        <li>
          A specific address such as <C>192.168.1.5</C>: only connections to that address; <C>127.0.0.1</C>{' '}
          gets nothing.
        </li>
      </ul>
      <p>
        <C>0.0.0.0</C> is not a place to connect to. When a server prints “listening on 0.0.0.0:8000”, open{' '}
        <C>127.0.0.1:8000</C>.
      </p>
      <TryLabs lesson="bind-addresses" />
    </Lesson>
  );
}
