import { defineCheck } from '@/lib/diagnosis/check';
import { rebindFixes } from '@/lib/diagnosis/check-helpers/rebind-fixes';
import { listAnd, tcpListeners, bindAddressFor } from '@/lib/diagnosis/view';
import { hostPort, isWildcard } from '@/lib/net';

/** A listener on 0.0.0.0 or :: answers every interface: other machines on the network can reach it too. */
export const wildcardExposed = defineCheck({ 'wildcard-exposed': 290 }, (facts) => {
  const tcp = tcpListeners(facts);
  const wild = (tcp ?? []).filter((l) => isWildcard(l.address));
  if (wild.length === 0) return [];
  const port = facts.target.port;
  const bind = bindAddressFor(facts);
  const where = listAnd(wild.map((l) => hostPort(l.address, port)));
  const moved = rebindFixes(
    wild[0]!,
    { host: bind, port, from: { host: wild[0]!.address, port } },
    (what) => `Restart it on ${bind} only: ${what}`,
    undefined,
    facts.self.cwd,
  );
  return [
    {
      id: 'wildcard-exposed',
      severity: 'warning',
      step: 'fix',
      title: `Port ${port} is reachable from other machines (${where})`,
      detail:
        `${where} means "every interface": besides 127.0.0.1 it answers on this machine's network addresses, so ` +
        `anyone who can reach this machine (same Wi-Fi, a VPN, the internet without a firewall) can connect. ` +
        `For a development server, bind to ${bind} instead.` +
        (moved.detail ? ` ${moved.detail}` : ''),
      fixes: moved.fixes,
      lesson: 'bind-addresses',
    },
  ];
});
