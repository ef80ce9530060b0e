import { defineCheck } from '@/lib/diagnosis/check';
import { shellFix } from '@/lib/diagnosis/fix';
import { cmd, join } from '@/lib/shell/script';

/** Above this many TIME_WAIT sockets on one port, clients are opening a new connection per request. */
export const TIME_WAIT_THRESHOLD = 50;

export const timeWaitBuildup = defineCheck({ 'time-wait-buildup': 280 }, (facts) => {
  if (facts.connections.status !== 'ok') return [];
  const { byState, total } = facts.connections.value;
  const tw = byState.TIME_WAIT ?? 0;
  if (tw < TIME_WAIT_THRESHOLD) return [];
  const port = facts.target.port;
  return [
    {
      id: 'time-wait-buildup',
      severity: 'warning',
      step: 'monitor',
      title: `${tw} connections on port ${port} are in TIME_WAIT`,
      detail:
        `Of ${total} TCP sockets touching port ${port}, ${tw} are in TIME_WAIT (${byState.ESTABLISHED ?? 0} ESTABLISHED, ` +
        `${byState.CLOSE_WAIT ?? 0} CLOSE_WAIT). Each closed connection lingers about a minute in TIME_WAIT on the side that closed first. ` +
        `Many of them mean a client opens a new connection for every request; on the client's side each one holds a source port ` +
        `from the ephemeral range, which can run out under load. Reuse connections (HTTP keep-alive, a connection pool).`,
      fixes: [
        shellFix(
          'linux',
          'Count them by state',
          join(
            '|',
            cmd('ss', '-tan', `( sport = :${port} or dport = :${port} )`),
            cmd('awk', 'NR>1 {print $1}'),
            cmd('sort'),
            cmd('uniq', '-c'),
          ),
        ),
        shellFix(
          'darwin',
          'Count them',
          join(
            '|',
            cmd('netstat', '-an', '-p', 'tcp'),
            cmd('grep', `\\.${port} `),
            cmd('awk', '{print $6}'),
            cmd('sort'),
            cmd('uniq', '-c'),
          ),
        ),
        shellFix(
          'win32',
          'Count them (PowerShell)',
          join('|', cmd('Get-NetTCPConnection', '-LocalPort', String(port)), cmd('Group-Object', 'State')),
        ),
      ],
      lesson: 'tools',
    },
  ];
});
