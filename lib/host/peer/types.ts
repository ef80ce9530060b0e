import { unmapIPv4 } from '@/lib/net';

/** Both ends of one accepted TCP connection, as the server sees them. */
export interface ConnectionEnds {
  /** The client's address and port (the server socket's remote end). */
  clientAddress: string;
  clientPort: number;
  /** The address and port the client connected to (the server socket's local end). */
  serverAddress: string;
  serverPort: number;
}

/**
 * Who holds the client end of a loopback connection. `uid` on Linux and macOS; on Windows, which has no
 * uids, the account name (`DOMAIN\user`). `unknown` when the socket table did not show that end (another
 * user's socket that this user may not see, a client that already closed, a tool that failed).
 */
export type LocalPeer =
  { kind: 'uid'; uid: number } | { kind: 'account'; account: string } | { kind: 'unknown'; reason: string };

/** IPv4-mapped IPv6 ('::ffff:127.0.0.1') and plain IPv4 name the same end; compare them as one. */
export function sameAddress(a: string, b: string): boolean {
  const plain = (s: string) => unmapIPv4(s).toLowerCase();
  return plain(a) === plain(b);
}
