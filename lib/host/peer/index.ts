import 'server-only';
import { darwinPeer } from '@/lib/host/darwin/peer';
import { linuxPeer } from '@/lib/host/linux/peer';
import type { ConnectionEnds, LocalPeer } from '@/lib/host/peer/types';
import { win32Peer } from '@/lib/host/win32/peer';

export type { ConnectionEnds, LocalPeer } from '@/lib/host/peer/types';

/** Who holds the client end of a loopback TCP connection to this process, from this OS's socket table. */
export async function localPeer(ends: ConnectionEnds, platform = process.platform): Promise<LocalPeer> {
  try {
    if (platform === 'linux') return linuxPeer(ends);
    if (platform === 'darwin') return await darwinPeer(ends);
    if (platform === 'win32') return await win32Peer(ends);
    return { kind: 'unknown', reason: `no socket-table reader for ${platform}` };
  } catch (err) {
    return { kind: 'unknown', reason: err instanceof Error ? err.message : String(err) };
  }
}
