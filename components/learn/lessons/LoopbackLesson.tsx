import type { Resolution } from '@/lib/diagnosis/types';
import type { LearnValues } from '@/lib/learn/live-values';
import { C, Lesson } from '../Lesson';
import { Unreadable } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

function Resolves({ r }: { r: Resolution }) {
  return (
    <p>
      <C>{r.host}</C> resolves to{' '}
      {r.addresses.map((a, i) => (
        <span key={a.address}>
          {i > 0 ? ', then ' : ''}
          <C>{a.address}</C> ({a.family})
        </span>
      ))}
      {r.addresses.length > 1 ? ' — clients try them in this order.' : ' only.'}
      {r.addresses.length === 1 && r.addresses[0]!.family === 'IPv4'
        ? ' A server listening only on ::1 is not reached through this name here.'
        : ''}
      {r.ignored?.length ? (
        <>
          {' '}
          It is also mapped to {r.ignored.map((a) => a.address).join(', ')}, which is not loopback: the doctor
          never probes that for this name.
        </>
      ) : null}
    </p>
  );
}

export function LoopbackLesson({ values }: { values: LearnValues }) {
  return (
    <Lesson
      slug="loopback"
      tryTarget={`localhost:${values.port}`}
      live={
        <>
          {values.localhost.status === 'ok' ? (
            <Resolves r={values.localhost.value} />
          ) : (
            <Unreadable what="what localhost means" reading={values.localhost} />
          )}
          {values.hostResolution ? (
            values.hostResolution.status === 'ok' ? (
              <Resolves r={values.hostResolution.value} />
            ) : (
              <Unreadable what={`what ${values.host} means`} reading={values.hostResolution} />
            )
          ) : null}
        </>
      }
    >
      <p>
        <strong>Loopback</strong> is a network interface that never leaves your computer: whatever is sent to
        it comes straight back to a program on the same machine. It has an address in each IP family —{' '}
        <C>127.0.0.1</C> in IPv4 (in fact the whole <C>127.0.0.0/8</C> block) and <C>::1</C> in IPv6.
      </p>
      <p>
        <C>localhost</C> is a <em>name</em>, not an address. Before connecting, a program asks the resolver
        what it means; the answer can be <C>127.0.0.1</C>, <C>::1</C>, or both, in an order the program then
        tries.
      </p>
      <p>
        IPv4 and IPv6 are separate. A server listening on <C>127.0.0.1</C> does not answer on <C>::1</C>, and
        the reverse. That is why <C>localhost:3000</C> can work in one program and fail in another: one tried{' '}
        <C>::1</C> first and gave up.
      </p>
      <TryLabs lesson="loopback" />
    </Lesson>
  );
}
