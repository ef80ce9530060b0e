import type { Socket } from 'node:net';
import { localPeer, type LocalPeer } from '@/lib/host/peer';
import { isLoopbackAddress } from '@/lib/net';

/** A connection's peer: a local user from the socket table, or a remote machine (no local uid to ask for). */
export type Peer = LocalPeer | { kind: 'remote'; address: string };

const peers = new WeakMap<Socket, Promise<Peer>>();

async function identify(socket: Socket): Promise<Peer> {
  const clientAddress = socket.remoteAddress;
  const clientPort = socket.remotePort;
  const serverAddress = socket.localAddress;
  const serverPort = socket.localPort;
  if (!clientAddress || !clientPort || !serverAddress || !serverPort)
    return { kind: 'unknown', reason: 'the connection has no addresses (already closed)' };
  const peer = await localPeer({ clientAddress, clientPort, serverAddress, serverPort });
  // Any client on this machine shows in its socket table, whatever address it used (the LAN address
  // included); one that does not, from a non-loopback address, is another machine.
  if (peer.kind === 'unknown' && !isLoopbackAddress(clientAddress))
    return { kind: 'remote', address: clientAddress };
  return peer;
}

/**
 * Who is at the other end of `socket`, read once per connection (keep-alive requests reuse it). Started when
 * the connection is accepted, while the client's socket is surely still open.
 */
export function peerOf(socket: Socket): Promise<Peer> {
  let peer = peers.get(socket);
  if (!peer) {
    peer = identify(socket).catch((err: unknown): Peer => ({
      kind: 'unknown',
      reason: err instanceof Error ? err.message : String(err),
    }));
    peers.set(socket, peer);
  }
  return peer;
}
