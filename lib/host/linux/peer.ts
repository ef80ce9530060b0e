import 'server-only';
import { readProcNet } from '@/lib/host/linux/procnet-read';
import type { ProcNetRow } from '@/lib/host/linux/procnet';
import { sameAddress, type ConnectionEnds, type LocalPeer } from '@/lib/host/peer/types';

/**
 * The client end among socket-table rows: local = the client's address:port, remote = ours. Never the
 * reverse (that row is our own accepted socket, owned by us: matching it would let every client pass as
 * the owner). A row with inode 0 has no socket behind it — a TIME_WAIT or orphaned FIN_WAIT2 entry, which
 * the kernel prints with uid 0 — so it proves nothing and is skipped.
 */
export function peerFromRows(rows: readonly ProcNetRow[], ends: ConnectionEnds): LocalPeer | null {
  for (const row of rows) {
    if (row.localPort !== ends.clientPort || row.remotePort !== ends.serverPort) continue;
    if (!sameAddress(row.localAddress, ends.clientAddress)) continue;
    if (!sameAddress(row.remoteAddress, ends.serverAddress)) continue;
    if (row.inode === 0) continue;
    return { kind: 'uid', uid: row.uid };
  }
  return null;
}

/**
 * Linux: the uid column of the client socket's row in /proc/net/tcp or tcp6 (an IPv6 socket can connect to
 * an IPv4 address as ::ffff:a.b.c.d). Only rows whose local port is the client's port are decoded.
 */
export function linuxPeer(ends: ConnectionEnds, procRoot = '/proc'): LocalPeer {
  for (const file of ['tcp', 'tcp6']) {
    const rows = readProcNet(`${procRoot}/net/${file}`, { port: ends.clientPort });
    const peer = rows && peerFromRows(rows, ends);
    if (peer) return peer;
  }
  return { kind: 'unknown', reason: 'the client socket is not in /proc/net/tcp or tcp6' };
}
