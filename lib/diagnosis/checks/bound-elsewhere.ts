import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import { startFixes } from '@/lib/diagnosis/commands';
import { listAnd, listenerServes, targetAddresses, tcpListeners, bindAddressFor } from '@/lib/diagnosis/view';
import { familyOf, hostPort, isWildcard, unmapIPv4 } from '@/lib/net';

/** The port is open on a specific address of the same family that is not the target's (127.0.0.2, 192.168.1.5). */
export const boundElsewhere = defineCheck({ 'bound-elsewhere': 100 }, (facts) => {
  const tcp = tcpListeners(facts);
  const addrs = targetAddresses(facts);
  if (!tcp || tcp.length === 0 || addrs.length === 0) return [];
  if (tcp.some((l) => addrs.some((a) => listenerServes(l, a.address)))) return [];
  const families = new Set(addrs.map((a) => a.family));
  const elsewhere = tcp.filter((l) => !isWildcard(l.address) && families.has(familyOf(unmapIPv4(l.address))));
  if (elsewhere.length === 0) return [];
  const port = facts.target.port;
  const where = listAnd(elsewhere.map((l) => hostPort(l.address, port)));
  const first = elsewhere[0]!.address;
  const bind = bindAddressFor(facts);
  return [
    {
      id: 'bound-elsewhere',
      severity: 'error',
      step: 'start',
      title: `The server listens on ${where}, not on ${facts.target.display}`,
      detail:
        `Port ${port} is open only on ${where}. A server bound to one address does not answer on another, so ` +
        `${listAnd(addrs.map((a) => a.address))} gets no answer on port ${port}.`,
      fixes: [
        ...everywhereFixes(
          `Open the address the server is on`,
          cmd('curl', '-v', `http://${hostPort(first, port)}/`),
        ),
        ...startFixes(bind, port).map((f) => ({ ...f, label: `Or restart it on ${bind}: ${f.label}` })),
      ],
      lesson: 'bind-addresses',
    },
  ];
});
