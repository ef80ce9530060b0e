import 'server-only';
import { runCommand } from '@/lib/exec';
import { parseCsv } from '@/lib/host/win32/csv';
import { familyOf } from '@/lib/net';
import { sameAddress, type ConnectionEnds, type LocalPeer } from '@/lib/host/peer/types';

function splitEndpoint(text: string): [string, number] | null {
  const m = text.match(/^\[?([^\]]*?)(?:%\d+)?\]?:(\d+)$/);
  return m ? [m[1]!, Number(m[2])] : null;
}

/**
 * `netstat -ano -p TCP` (or TCPv6) rows: `TCP  127.0.0.1:52044  127.0.0.1:6280  ESTABLISHED  4242`. The pid of
 * the row whose local end is the client and foreign end is us (never the reverse: that row is our own).
 */
export function pidFromNetstat(output: string, ends: ConnectionEnds): number | null {
  for (const line of output.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || f[0]!.toUpperCase() !== 'TCP') continue;
    const local = splitEndpoint(f[1]!);
    const foreign = splitEndpoint(f[2]!);
    const pid = Number(f[f.length - 1]);
    if (!local || !foreign || !Number.isInteger(pid) || pid <= 0) continue;
    if (local[1] !== ends.clientPort || foreign[1] !== ends.serverPort) continue;
    if (sameAddress(local[0], ends.clientAddress) && sameAddress(foreign[0], ends.serverAddress)) return pid;
  }
  return null;
}

/**
 * `tasklist /v /fo csv /nh /fi "PID eq N"`: the seventh column, User Name, is the account (`DOMAIN\user`). An
 * unelevated tasklist shows `N/A` for another user's process: that is no answer.
 */
export function accountFromTasklist(output: string): string | null {
  const row = parseCsv(output).find((r) => r.length >= 7);
  const account = row?.[6]?.trim();
  return account && account !== 'N/A' ? account : null;
}

/** Windows: netstat gives the client socket's pid, tasklist the account running it. */
export async function win32Peer(ends: ConnectionEnds): Promise<LocalPeer> {
  const netstat = await runCommand(
    'netstat',
    ['-ano', '-p', familyOf(ends.clientAddress) === 'IPv6' ? 'TCPv6' : 'TCP'],
    {
      timeoutMs: 3000,
    },
  );
  const pid = pidFromNetstat(netstat.stdout, ends);
  if (pid === null)
    return { kind: 'unknown', reason: netstat.error ?? 'netstat did not list the client socket' };
  const tasklist = await runCommand('tasklist', ['/v', '/fo', 'csv', '/nh', '/fi', `PID eq ${pid}`], {
    timeoutMs: 3000,
  });
  const account = accountFromTasklist(tasklist.stdout);
  return account
    ? { kind: 'account', account }
    : { kind: 'unknown', reason: `the account of client process ${pid} is not visible` };
}
