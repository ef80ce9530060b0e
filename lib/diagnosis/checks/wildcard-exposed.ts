import type { Check } from '@/lib/diagnosis/types';
import { hostPort, isWildcard, listAnd, tcpListeners } from '@/lib/diagnosis/view';

/** A listener on 0.0.0.0 or :: answers every interface: other machines on the network can reach it too. */
export const wildcardExposed: Check = (facts) => {
  const tcp = tcpListeners(facts);
  const wild = (tcp ?? []).filter((l) => isWildcard(l.address));
  if (wild.length === 0) return [];
  const port = facts.target.port;
  const where = listAnd(wild.map((l) => hostPort(l.address, port)));
  return [
    {
      id: 'wildcard-exposed',
      severity: 'warning',
      step: 'fix',
      title: `Port ${port} is reachable from other machines (${where})`,
      detail:
        `${where} means "every interface": besides 127.0.0.1 it answers on this machine's network addresses, so ` +
        `anyone who can reach this machine (same Wi-Fi, a VPN, the internet without a firewall) can connect. ` +
        `For a development server, bind to 127.0.0.1 instead.`,
      fixes: [
        {
          platform: 'any',
          label: 'Bind to loopback only (most servers take a --host or --bind flag)',
          command: `--host 127.0.0.1 --port ${port}`,
        },
        {
          platform: 'any',
          label: 'Node: pass the address to listen()',
          command: `server.listen(${port}, '127.0.0.1')`,
        },
      ],
      lesson: 'bind-addresses',
    },
  ];
};
