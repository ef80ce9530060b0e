import 'server-only';
import { UDP_UNCONNECTED, type ProcNetRow } from '@/lib/host/linux/procnet';
import { readProcNet } from '@/lib/host/linux/procnet-read';
import { readLinuxProcesses } from '@/lib/host/linux/processes';
import { findSocketOwners } from '@/lib/host/linux/socket-owners';
import { findSocketHolders, type SocketHolder, type SocketHolders } from '@/lib/host/linux/socket-holders';
import type { ProcessInfo } from '@/lib/host/linux/processes';
import {
  processName,
  sortListeners,
  toListener,
  unreadableOwnersWarning,
  type SocketRow,
} from '@/lib/host/listeners/rows';
import type {
  Listener,
  ListenerTable,
  ListListenersOptions,
  Protocol,
  SocketHolderInfo,
} from '@/lib/host/listeners/types';

interface Gathered {
  rows: SocketRow[];
  /** Every listening socket inode seen per protocol, including rows the port filter dropped. */
  live: Map<string, Set<number>>;
  warnings: string[];
}

function readProtocol(protocol: Protocol, port: number | undefined, into: Gathered): void {
  const live = new Set<number>();
  let complete = true;
  for (const file of protocol === 'tcp' ? ['tcp', 'tcp6'] : ['udp', 'udp6']) {
    let rows: ProcNetRow[] | null;
    try {
      rows =
        protocol === 'tcp'
          ? readProcNet(`/proc/net/${file}`, { listenersOnly: true, port, collectInodes: live })
          : readProcNet(`/proc/net/${file}`, { state: UDP_UNCONNECTED, port, collectInodes: live });
    } catch (error) {
      into.warnings.push(`could not read /proc/net/${file}: ${(error as Error).message}`);
      complete = false;
      continue;
    }
    // A missing tcp6/udp6 only means IPv6 is disabled; a missing tcp/udp means no /proc at all.
    if (rows === null && !file.endsWith('6'))
      into.warnings.push(`/proc/net/${file} does not exist on this system`);
    for (const row of rows ?? []) {
      // UDP state 07 also covers sockets that connect()ed and disconnected; a bound one has no peer.
      if (protocol === 'udp' && row.remotePort !== 0) continue;
      into.rows.push({
        protocol,
        address: row.localAddress,
        port: row.localPort,
        family: row.family,
        pid: null,
        inode: row.inode,
      });
    }
  }
  // Only a complete list may tell the owner lookup which listeners have gone away.
  if (complete) into.live.set(protocol, live);
}

function holderInfo(h: SocketHolder, processes: Map<number, ProcessInfo>): SocketHolderInfo {
  const p = processes.get(h.pid);
  return {
    pid: h.pid,
    process: processName(p?.name),
    user: p?.user ?? null,
    uid: p?.uid ?? null,
    startedAt: p?.startedAt ?? null,
    fd: h.fd,
    confirmed: h.confirmed,
  };
}

function holderFields(
  found: SocketHolders,
  processes: Map<number, ProcessInfo>,
): Pick<Listener, 'holders' | 'lifetimeOwner'> {
  return {
    holders: found.holders.map((h) => holderInfo(h, processes)),
    lifetimeOwner: holderInfo(found.lifetimeOwner, processes),
  };
}

/**
 * Listening TCP and bound UDP sockets, read from /proc/net and attributed through /proc/<pid>/fd.
 * Sockets whose owner cannot be read are kept (pid null) and counted in a warning.
 */
export async function listLinuxListeners(options: ListListenersOptions = {}): Promise<ListenerTable> {
  const protocols = options.protocols ?? ['tcp', 'udp'];
  const gathered: Gathered = { rows: [], live: new Map(), warnings: [] };
  for (const protocol of protocols) readProtocol(protocol, options.port, gathered);

  const { owners, unresolved } = findSocketOwners(
    gathered.rows.map((r) => r.inode ?? 0),
    gathered.live,
  );
  for (const row of gathered.rows) row.pid = owners.get(row.inode ?? 0)?.pid ?? null;
  // For one port, every holder of its TCP sockets (prefork masters and workers): a few /proc reads.
  const holders = new Map<number, SocketHolders>();
  if (options.port !== undefined) {
    for (const row of gathered.rows) {
      const owner = owners.get(row.inode ?? 0);
      if (row.protocol !== 'tcp' || !owner || !row.inode) continue;
      const found = findSocketHolders(row.inode, owner.pid, owner.fd);
      if (found.holders.length < 2) continue;
      holders.set(row.inode, found);
      // A holder read holding the socket that outlives the others is the one to name.
      if (found.lifetimeOwner.confirmed) row.pid = found.lifetimeOwner.pid;
    }
  }
  const pids = new Set([...owners.values()].map((o) => o.pid));
  for (const h of holders.values()) for (const { pid } of h.holders) pids.add(pid);
  const processes = readLinuxProcesses(pids);
  const listeners = sortListeners(
    gathered.rows.map((row) => {
      const listener = toListener(row, processes.get(row.pid ?? -1));
      const found = holders.get(row.inode ?? 0);
      return found ? { ...listener, ...holderFields(found, processes) } : listener;
    }),
  );

  const warnings = [...gathered.warnings];
  if (unresolved.length > 0)
    warnings.push(unreadableOwnersWarning(unresolved.length, process.getuid?.() === 0));
  const kernelOwned = gathered.rows.filter((r) => r.inode === 0).length;
  if (kernelOwned > 0) {
    warnings.push(
      `${kernelOwned} socket${kernelOwned === 1 ? ' is' : 's are'} held by the kernel itself (no process), e.g. an NFS or in-kernel server`,
    );
  }
  const files = protocols.flatMap((p) => (p === 'tcp' ? ['tcp', 'tcp6'] : ['udp', 'udp6'])).join(',');
  return {
    listeners,
    source: `/proc/net/{${files}} + /proc/<pid>/fd`,
    partial: unresolved.length > 0 || gathered.warnings.length > 0,
    warnings,
  };
}
