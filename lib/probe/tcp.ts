import 'server-only';
import { rememberOwnConnection } from '@/lib/host/own-connections';
import net from 'node:net';
import type { ConnectAttempt, ConnectOutcome } from '@/lib/probe/types';
import { familyOf } from '@/lib/net';

/** A socket we closed with FIN is destroyed at the latest after this, even if the peer never answers. */
const CLOSE_GRACE_MS = 200;

const OUTCOME_BY_CODE: Record<string, ConnectOutcome> = {
  ECONNREFUSED: 'refused',
  ETIMEDOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ENETUNREACH: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EHOSTDOWN: 'unreachable',
  // Connecting to ::1 on a host with IPv6 disabled on loopback fails with these.
  EADDRNOTAVAIL: 'unreachable',
  EAFNOSUPPORT: 'unreachable',
};

/** Maps the OS error code of a failed connect to what it means for the person diagnosing. */
export function outcomeForErrorCode(code: string | undefined): ConnectOutcome {
  return (code && OUTCOME_BY_CODE[code]) || 'error';
}

/** Throws when `address` is a name: the probe must test exactly the address resolution produced. */
export function assertLiteralIp(address: string): void {
  if (net.isIP(address) === 0) {
    throw new TypeError(
      `expected a literal IP address (resolve names first), got ${JSON.stringify(address)}`,
    );
  }
}

/** Closes politely (FIN, not RST) and guarantees the descriptor is released soon after. */
export function closeGracefully(socket: net.Socket): void {
  socket.resume(); // read anything the server already sent: unread data would turn our close into RST
  socket.end();
  const grace = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
  grace.unref();
  socket.once('close', () => clearTimeout(grace));
}

/** A connect attempt and, when it was accepted, the open socket (paused: nothing read from it yet). */
export interface Connected {
  attempt: ConnectAttempt;
  socket: net.Socket | null;
}

/**
 * One TCP connect to one literal IP address, no DNS. Resolves (never rejects, except for a name
 * instead of an address) within `timeoutMs` plus a few milliseconds, whatever the network does.
 * A connect that is neither accepted nor refused in time is 'timeout' with errorCode ETIMEDOUT: the
 * kernel would keep retrying its SYN for minutes, so that code is our verdict, not the kernel's.
 * An accepted socket is handed back unread, so that the same connection can serve the application
 * probe: a server that accepts a single connection (`nc -l`) would otherwise meet our second one closed.
 * The caller owns it and must end it (closeGracefully) or hand it on.
 */
export function connectTcp(address: string, port: number, timeoutMs: number): Promise<Connected> {
  assertLiteralIp(address);
  const family = familyOf(address);
  const started = performance.now();

  return new Promise<Connected>((resolve) => {
    let settled = false;
    const socket = net.connect({ host: address, port, family: family === 'IPv6' ? 6 : 4 });
    socket.pause(); // keep a server-first banner in the socket for the application probe
    rememberOwnConnection(socket);

    const settle = (outcome: ConnectOutcome, errorCode?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(hardTimer);
      const attempt: ConnectAttempt = { address, family, port, outcome, timeMs: performance.now() - started };
      if (errorCode) attempt.errorCode = errorCode;
      resolve({ attempt, socket: outcome === 'open' ? socket : null });
    };

    // One timer bounds everything: no connect, error or event-loop quirk can keep this promise pending.
    const hardTimer = setTimeout(() => {
      socket.destroy();
      settle('timeout', 'ETIMEDOUT');
    }, timeoutMs);

    socket.once('connect', () => settle('open'));
    // Stays attached after settling: a reset while the socket waits for its next owner must not become
    // an unhandled error (the owner sees it as socket.destroyed / socket.errored).
    socket.on('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      settle(outcomeForErrorCode(error.code), error.code ?? 'UNKNOWN');
    });
  });
}

/** One TCP connect that only reports what happened, then closes politely. Throws at once for a name. */
export function probeTcp(address: string, port: number, timeoutMs: number): Promise<ConnectAttempt> {
  return connectTcp(address, port, timeoutMs).then(({ attempt, socket }) => {
    if (socket) closeGracefully(socket);
    return attempt;
  });
}
