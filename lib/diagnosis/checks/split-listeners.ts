import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import {
  describeListener,
  listAnd,
  listenerServes,
  targetAddresses,
  tcpListeners,
} from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';

/**
 * One name, two programs: localhost:3000 reaches node on 127.0.0.1 and vite on ::1 (an old server on one
 * family, the new one on the other). Which one a client gets depends on which address it tries first.
 */
export const splitListeners = defineCheck({ 'split-listeners': 230 }, (facts) => {
  const tcp = tcpListeners(facts);
  const addrs = targetAddresses(facts);
  if (!tcp || addrs.length < 2) return [];
  const servedBy = addrs
    .map((a) => ({
      address: a.address,
      listener: tcp.find((l) => l.address === a.address) ?? tcp.find((l) => listenerServes(l, a.address)),
    }))
    .filter(
      (x): x is { address: string; listener: NonNullable<typeof x.listener> } =>
        x.listener !== undefined && x.listener.pid !== null,
    );
  const pids = new Set(servedBy.map((x) => x.listener.pid));
  if (pids.size < 2) return [];
  const port = facts.target.port;
  return [
    {
      id: 'split-listeners',
      severity: 'warning',
      step: 'start',
      title: `${facts.target.display} reaches ${pids.size} different programs, one per address`,
      detail:
        `${listAnd(servedBy.map((x) => `${hostPort(x.address, port)} → ${describeListener(x.listener)}`))}. ` +
        `A browser or tool that tries another address first gets another program: the classic "localhost still shows my old app". ` +
        `Stop the one you do not want, or open the address of the one you do.`,
      fixes: servedBy.flatMap((x) =>
        everywhereFixes(
          `Ask ${x.listener.process ?? 'it'} directly`,
          cmd('curl', '-v', `http://${hostPort(x.address, port)}/`),
        ),
      ),
      lesson: 'loopback',
    },
  ];
});
