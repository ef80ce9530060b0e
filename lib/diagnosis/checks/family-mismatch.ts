import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { Fix } from '@/lib/diagnosis/types';
import { rebindFixes } from '@/lib/diagnosis/check-helpers/rebind-fixes';
import { familyOf, hostPort, IPV4_WILDCARD, IPV6_WILDCARD, unmapIPv4 } from '@/lib/net';
import { attempts, listAnd, listenerServes, targetAddresses, tcpListeners } from '@/lib/diagnosis/view';

/**
 * The server listens only in the other IP family than (some of) the addresses the target reaches:
 * e.g. it is on [::1] and the user asks for 127.0.0.1, or localhost resolves to ::1 first and it is on 127.0.0.1.
 */
export const familyMismatch = defineCheck({ 'family-mismatch': 90 }, (facts) => {
  const tcp = tcpListeners(facts);
  const addrs = targetAddresses(facts);
  if (!tcp || tcp.length === 0 || addrs.length === 0) return [];
  const port = facts.target.port;
  const unserved = addrs.filter((a) => !tcp.some((l) => listenerServes(l, a.address)));
  if (unserved.length === 0) return [];
  // Only a mismatch of family when a listener exists in the family those addresses lack.
  const otherFamily = tcp.filter((l) => unserved.every((a) => familyOf(unmapIPv4(l.address)) !== a.family));
  if (otherFamily.length === 0) return [];
  const served = addrs.filter((a) => !unserved.includes(a));
  const bound = listAnd(otherFamily.map((l) => hostPort(l.address, port)));
  const missing = listAnd(unserved.map((a) => `${a.address} (${a.family})`));
  const reachable = otherFamily[0]!.address;
  const goodHost =
    reachable === IPV6_WILDCARD ? '::1' : reachable === IPV4_WILDCARD ? '127.0.0.1' : reachable;
  // Bind to the loopback address that was asked for — not to a wildcard, which would expose it to the network.
  const wanted = unserved[0]!.address;
  const listener = otherFamily[0]!;
  const moved = rebindFixes(
    listener,
    { host: wanted, port, from: { host: listener.address, port } },
    (what) => `Or restart it on ${wanted}: ${what}`,
    undefined,
    facts.self.cwd,
  );
  const fixes: Fix[] = [
    ...everywhereFixes(
      `Use the address the server is on`,
      cmd('curl', '-v', `http://${hostPort(goodHost, port)}/`),
    ),
    ...moved.fixes,
  ];
  const how = moved.detail ? ` ${moved.detail}` : '';
  // Say what the connect attempts really got (refused, or unreachable when IPv6 is off), not what we expect.
  const outcomes = listAnd(
    unserved.map((a) => {
      const hit = attempts(facts).find((x) => x.address === a.address);
      return hit
        ? `${a.address} ${hit.outcome === 'open' ? 'was accepted by something else' : `was ${hit.outcome}`}`
        : a.address;
    }),
  );
  const asked =
    facts.target.hostKind === 'name' ? `${facts.target.host} means ${missing}` : `not on ${missing}`;
  const title =
    facts.target.hostKind === 'name'
      ? `${asked}, but the server listens on ${bound} (${otherFamily[0]!.family}) only`
      : `The server listens on ${bound} (${otherFamily[0]!.family}) only, ${asked}`;
  if (served.length === 0) {
    return [
      {
        id: 'family-mismatch',
        severity: 'error',
        step: 'start',
        title,
        detail:
          `${facts.target.hostKind === 'name' ? `${facts.target.host} resolves to ${listAnd(addrs.map((a) => a.address))}` : `You asked for ${facts.target.host}`}; the only listener on port ${port} is ` +
          `${bound} (${otherFamily[0]!.family}). IPv4 and IPv6 are separate: a server on one does not answer the other ` +
          `(here: ${outcomes}).${how}`,
        fixes,
        lesson: 'loopback',
      },
    ];
  }
  const firstUnserved = addrs.indexOf(unserved[0]!) < addrs.indexOf(served[0]!);
  return [
    {
      id: 'family-mismatch',
      severity: 'warning',
      step: 'open',
      title: `${facts.target.host} also means ${missing}, where nothing listens`,
      detail:
        `${facts.target.host} resolved to ${listAnd(addrs.map((a) => a.address))}${firstUnserved ? `, ${unserved[0]!.address} first` : ''}; ` +
        `your server listens on ${listAnd(served.map((a) => hostPort(a.address, port)))} only. Clients that try ` +
        `${unserved[0]!.address} ${firstUnserved ? 'first wait or fail before' : 'may fail instead of'} falling back.${how}`,
      fixes,
      lesson: 'loopback',
    },
  ];
});
