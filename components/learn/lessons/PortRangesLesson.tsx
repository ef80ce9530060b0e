import { shellFix } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { PortFacts } from '@/lib/diagnosis/types';
import type { LearnValues } from '@/lib/learn/live-values';
import { CommandList } from '@/components/ui/CommandList';
import { C, Lesson } from '../Lesson';
import { Unreadable } from '../live';
import { TryLabs } from '@/components/labs/TryLabs';

const RANGE_WORDS: Record<PortFacts['ianaRange'], string> = {
  'well-known': 'well-known range (0–1023)',
  registered: 'registered range (1024–49151)',
  dynamic: 'dynamic range (49152–65535)',
};

const READ_RANGE = [
  shellFix('linux', 'Read the ephemeral range', cmd('cat', '/proc/sys/net/ipv4/ip_local_port_range')),
  shellFix(
    'darwin',
    'Read the ephemeral range',
    cmd('sysctl', 'net.inet.ip.portrange.first', 'net.inet.ip.portrange.last'),
  ),
  shellFix('win32', 'Read the ephemeral range', cmd('netsh', 'int', 'ipv4', 'show', 'dynamicport', 'tcp')),
];

function Facts({ f }: { f: PortFacts }) {
  const e = f.ephemeral;
  return (
    <>
      <p>
        Your ephemeral range is{' '}
        <strong>
          {e.low}–{e.high}
        </strong>{' '}
        (from <C>{e.source}</C>), so {f.port} is <strong>{f.inEphemeralRange ? 'inside' : 'outside'}</strong>{' '}
        it
        {f.inEphemeralRange
          ? ': the OS may hand it out for outgoing connections, so a server there can collide at random.'
          : ': the OS does not pick it for outgoing connections.'}
      </p>
      <p>
        {f.port} is in the {RANGE_WORDS[f.ianaRange]}
        {f.privileged
          ? `; here, binding it needs root (or CAP_NET_BIND_SERVICE): ports below ${f.privilegedBelow.port} are privileged (${f.privilegedBelow.source}).`
          : `; any user may listen on it (privileged ports here: below ${f.privilegedBelow.port}, from ${f.privilegedBelow.source}).`}
      </p>
    </>
  );
}

export function PortRangesLesson({ values }: { values: LearnValues }) {
  return (
    <Lesson
      slug="port-ranges"
      tryTarget={`127.0.0.1:${values.port}`}
      live={
        values.portFacts.status === 'ok' ? (
          <Facts f={values.portFacts.value} />
        ) : (
          <Unreadable what="the port ranges" reading={values.portFacts} />
        )
      }
    >
      <ul className="grid list-disc gap-1 pl-5">
        <li>
          <strong>0–1023, well-known:</strong> system services (22 SSH, 80 HTTP, 443 HTTPS). On Linux only
          root may listen on them.
        </li>
        <li>
          <strong>1024–49151, registered:</strong> applications (3000, 5432 PostgreSQL, 8080). Development
          servers live here.
        </li>
        <li>
          <strong>49152–65535, dynamic:</strong> for temporary use.
        </li>
      </ul>
      <p>
        When a program connects out, the OS picks a temporary source port from its{' '}
        <strong>ephemeral range</strong>. A port a tool printed from that range (like <C>62893</C>) is often
        such a temporary port — gone by the time you try it — and a server started inside the range can find
        its port already used by someone’s outgoing connection.
      </p>
      <CommandList fixes={READ_RANGE} />
      <TryLabs lesson="port-ranges" />
    </Lesson>
  );
}
