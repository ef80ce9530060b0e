import 'server-only';
import { runCommand } from '@/lib/exec';
import { addressKey } from '@/lib/host/endpoint';
import { lsofListenerArgs, parseLsofListeners, type LsofSocket } from '@/lib/host/darwin/lsof';
import { parseDarwinNetstat, type NetstatRow } from '@/lib/host/netstat';
import { parsePsLstart, psArgs } from '@/lib/host/darwin/ps';
import {
  sortListeners,
  toListener,
  unreadableOwnersWarning,
  type SocketRow,
} from '@/lib/host/listeners/rows';
import type { ListenerTable, ListListenersOptions, Protocol } from '@/lib/host/listeners/types';

const keyOf = (r: { protocol: Protocol; family: string; address: string; port: number }) =>
  `${r.protocol}|${r.family}|${addressKey(r.address)}|${r.port}`;

/**
 * Listeners netstat sees but lsof did not attribute: without root, macOS lsof only shows the caller's
 * own processes, so everyone else's sockets would silently vanish. They come back with pid null.
 */
export function unattributedListeners(netstat: NetstatRow[], lsof: LsofSocket[], port?: number): SocketRow[] {
  const attributed = new Map<string, number>();
  for (const s of lsof) attributed.set(keyOf(s), (attributed.get(keyOf(s)) ?? 0) + 1);
  const missing: SocketRow[] = [];
  for (const row of netstat) {
    const listening = row.protocol === 'tcp' ? row.state === 'LISTEN' : row.remotePort === 0;
    if (!listening || row.localPort === 0 || (port !== undefined && row.localPort !== port)) continue;
    const socket: SocketRow = {
      protocol: row.protocol,
      family: row.family,
      address: row.localAddress,
      port: row.localPort,
      pid: null,
    };
    const left = attributed.get(keyOf(socket)) ?? 0;
    if (left > 0) attributed.set(keyOf(socket), left - 1);
    else missing.push(socket);
  }
  return missing;
}

export async function listDarwinListeners(options: ListListenersOptions = {}): Promise<ListenerTable> {
  const protocols = options.protocols ?? ['tcp', 'udp'];
  const [lsof, ...netstats] = await Promise.all([
    runCommand('lsof', lsofListenerArgs(protocols, options.port), { timeoutMs: 5000 }),
    ...protocols.map((p) => runCommand('netstat', ['-an', '-p', p], { timeoutMs: 5000 })),
  ]);
  const warnings: string[] = [];
  // lsof exits 1 when nothing matched, which is an answer, not a failure.
  if (lsof.error || (lsof.code !== 0 && lsof.code !== 1))
    warnings.push(`lsof failed: ${lsof.error ?? lsof.stderr.trim()}`);
  const owned = parseLsofListeners(lsof.stdout);
  const netstatRows = netstats.flatMap((n) => {
    if (n.error) warnings.push(`netstat failed: ${n.error}`);
    return parseDarwinNetstat(n.stdout);
  });
  const unowned = unattributedListeners(netstatRows, owned, options.port);

  const pids = [...new Set(owned.map((s) => s.pid))];
  const ps = pids.length > 0 ? await runCommand('ps', psArgs(pids), { timeoutMs: 5000 }) : null;
  const details = parsePsLstart(ps?.stdout ?? '');
  const listeners = [
    ...owned.map((s) => toListener(s, { name: s.process, uid: s.uid, user: s.user, ...details.get(s.pid) })),
    ...unowned.map((s) => toListener(s, undefined)),
  ];
  if (unowned.length > 0) warnings.push(unreadableOwnersWarning(unowned.length, process.getuid?.() === 0));
  return {
    listeners: sortListeners(listeners),
    source: `lsof -F + ps -o lstart + netstat -an`,
    partial: warnings.length > 0,
    warnings,
  };
}
