import 'server-only';
import { host } from '@/lib/host';
import type { ConnectionEnds, LocalPeer } from '@/lib/host/peer/types';
import type { HostAdapter } from '@/lib/host/types';

export type { ConnectionEnds, LocalPeer } from '@/lib/host/peer/types';

/** Who holds the client end of a loopback TCP connection to this process, from this OS's socket table. */
export async function localPeer(ends: ConnectionEnds, adapter: HostAdapter = host()): Promise<LocalPeer> {
  try {
    return await adapter.localPeer(ends);
  } catch (err) {
    return { kind: 'unknown', reason: err instanceof Error ? err.message : String(err) };
  }
}
