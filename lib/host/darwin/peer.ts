import 'server-only';
import { runCommand } from '@/lib/exec';
import { hostPort } from '@/lib/net';
import { sameAddress, type ConnectionEnds, type LocalPeer } from '@/lib/host/peer/types';

/** 'a.b.c.d:port' or '[v6]:port' (lsof -nP spelling) → address and port. */
function splitEndpoint(text: string): [string, number] | null {
  const m = text.match(/^\[?([^\]]*?)\]?:(\d+)$/);
  return m ? [m[1]!, Number(m[2])] : null;
}

/**
 * `lsof -F pun` output: a `p<pid>` line starts a process, `u<uid>` its owner, and each `n<name>` line one of
 * its files ('127.0.0.1:52044->127.0.0.1:6280' for a connected socket). The client end is the file whose
 * name runs from the client's address:port to ours — never the reverse, which is our own socket.
 */
export function peerFromLsof(output: string, ends: ConnectionEnds): LocalPeer | null {
  let uid: number | null = null;
  for (const line of output.split('\n')) {
    const tag = line[0];
    const value = line.slice(1).trim();
    if (tag === 'p') uid = null;
    else if (tag === 'u') uid = /^\d+$/.test(value) ? Number(value) : null;
    else if (tag === 'n' && uid !== null) {
      const [from, to] = value.split('->');
      const a = from && splitEndpoint(from);
      const b = to && splitEndpoint(to);
      if (!a || !b) continue;
      if (a[1] !== ends.clientPort || b[1] !== ends.serverPort) continue;
      if (sameAddress(a[0], ends.clientAddress) && sameAddress(b[0], ends.serverAddress))
        return { kind: 'uid', uid };
    }
  }
  return null;
}

/**
 * macOS: lsof for the sockets with the client's address:port at either end. Unprivileged lsof lists only its
 * own user's processes, so another user's client is not found: that is `unknown`, which the gate refuses.
 */
export async function darwinPeer(ends: ConnectionEnds): Promise<LocalPeer> {
  const result = await runCommand(
    'lsof',
    ['-nP', '-a', `-iTCP@${hostPort(ends.clientAddress, ends.clientPort)}`, '-F', 'pun'],
    {
      timeoutMs: 2000,
      maxBytes: 256 * 1024,
    },
  );
  return (
    peerFromLsof(result.stdout, ends) ?? {
      kind: 'unknown',
      reason: result.error ?? 'lsof did not list the client socket',
    }
  );
}
