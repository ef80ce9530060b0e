import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes, shellFix } from '@/lib/diagnosis/fix';
import { cmd, join } from '@/lib/shell/script';
import { whoListensFixes } from '@/lib/diagnosis/commands';
import { attempts, listAnd, tcpListeners } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';

/**
 * A connection was accepted although no listening socket on this machine has the port: the packets are
 * redirected (an iptables/nft DNAT or REDIRECT rule, as Docker without its userland proxy or a Kubernetes
 * hostPort sets up), or they reach a socket in another network namespace. The probe wins over the table.
 */
export const unlistedListener = defineCheck({ 'unlisted-listener': 80 }, (facts) => {
  const tcp = tcpListeners(facts);
  if (tcp === null || tcp.length > 0) return [];
  const open = attempts(facts).filter((a) => a.outcome === 'open');
  if (open.length === 0) return [];
  const port = facts.target.port;
  return [
    {
      id: 'unlisted-listener',
      severity: 'warning',
      step: 'start',
      title: `Something accepts connections on port ${port}, but no process here listens on it`,
      detail:
        `${listAnd(open.map((a) => hostPort(a.address, port)))} accepted the connection, yet no listening socket on ` +
        `this machine has port ${port} (${facts.listeners.source}). The connection is most likely redirected to another ` +
        `port or namespace: a NAT rule (Docker with userland-proxy off, Kubernetes hostPort, a VPN tool), or a ` +
        `container that shares the port through its own network namespace.`,
      fixes: [
        shellFix(
          'linux',
          'See NAT rules that redirect the port',
          join('|', cmd('sudo', 'nft', 'list', 'ruleset'), cmd('grep', '-n', `dport ${port}`)),
        ),
        shellFix(
          'linux',
          'Or with iptables',
          join('|', cmd('sudo', 'iptables-save', '-t', 'nat'), cmd('grep', '--', `--dport ${port}`)),
        ),
        ...everywhereFixes(
          'See containers that publish it',
          cmd('docker', 'ps', '--filter', `publish=${port}`),
        ),
        ...whoListensFixes(port, true),
      ],
      lesson: 'ports',
    },
  ];
});
