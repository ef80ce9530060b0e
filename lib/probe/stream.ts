import 'server-only';
import net from 'node:net';
import tls from 'node:tls';
import { rememberOwnConnection } from '@/lib/host/own-connections';
import { outcomeForErrorCode } from '@/lib/probe/tcp';
import type { ConnectOutcome } from '@/lib/probe/types';

/** How a stream stopped: the peer closed (FIN), reset it, or another socket error. */
export type StreamEnd = 'end' | 'reset' | 'error';
export type WaitResult = 'enough' | 'ended' | 'timeout' | 'interrupted';

const TAIL_BYTES = 16;

/**
 * Collects what a socket receives, so the probe can say "wait until these bytes are enough, the peer
 * closes, or this much time passed". Keeps at most `holdCap` bytes but counts every byte, and remembers
 * the last few (an HTTP chunked terminator can lie beyond what we keep).
 */
export class SocketReader {
  total = 0;
  firstByteAt: number | null = null;
  ended: StreamEnd | null = null;
  errorCode: string | null = null;
  tail: Buffer = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private held = 0;
  private joined: Buffer | null = null;
  private wake: (() => void) | null = null;

  constructor(
    socket: net.Socket,
    private readonly holdCap: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.firstByteAt ??= performance.now();
      this.total += chunk.length;
      this.tail = Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
      if (this.held < this.holdCap) {
        const kept = chunk.subarray(0, this.holdCap - this.held);
        this.chunks.push(kept);
        this.held += kept.length;
        this.joined = null;
      }
      this.wake?.();
    });
    socket.on('end', () => this.finish('end'));
    // Always listening for 'error' is what keeps a reset from becoming an uncaught exception.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.errorCode ??= error.code ?? 'UNKNOWN';
      this.finish(outcomeForErrorCode(error.code) === 'reset' ? 'reset' : 'error');
    });
    socket.on('close', () => this.finish('end'));
    // A socket handed over from the connect probe may have died while it waited for us.
    if (socket.destroyed) {
      const code = (socket.errored as NodeJS.ErrnoException | null)?.code;
      if (code) this.errorCode = code;
      this.finish(code === undefined ? 'end' : outcomeForErrorCode(code) === 'reset' ? 'reset' : 'error');
    }
  }

  /** Everything kept so far (up to holdCap). */
  get bytes(): Buffer {
    this.joined ??= Buffer.concat(this.chunks);
    return this.joined;
  }

  private finish(how: StreamEnd): void {
    this.ended ??= how;
    this.wake?.();
  }

  /**
   * Resolves when `enough(this)` holds, the stream ended, `ms` passed, or `interrupt` settled — whichever
   * comes first.
   */
  waitFor(
    enough: (reader: SocketReader) => boolean,
    ms: number,
    interrupt?: Promise<unknown>,
  ): Promise<WaitResult> {
    return new Promise((resolve) => {
      let done = false;
      const stop = (result: WaitResult): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.wake = null;
        resolve(result);
      };
      const timer = setTimeout(() => stop('timeout'), Math.max(0, ms));
      const check = (): void => {
        if (enough(this)) stop('enough');
        else if (this.ended) stop('ended');
      };
      this.wake = check;
      check();
      void interrupt?.then(
        () => stop('interrupted'),
        () => stop('interrupted'),
      );
    });
  }
}

export type Opened<S extends net.Socket> =
  | { ok: true; socket: S; reader: SocketReader }
  | { ok: false; outcome: ConnectOutcome; errorCode: string; message: string };

interface OpenOptions {
  address: string;
  port: number;
  /** Time allowed until the connection is usable (TCP connect, plus the handshake for TLS). */
  ms: number;
  holdCap: number;
  /** Every socket is registered here so the caller can destroy them all when the probe ends. */
  sockets: Set<net.Socket>;
}

/** Waits for `readyEvent` on a fresh socket; failures come back as values, never as thrown errors. */
function whenReady<S extends net.Socket>(
  socket: S,
  readyEvent: string,
  opts: OpenOptions,
): Promise<Opened<S>> {
  opts.sockets.add(socket);
  const reader = new SocketReader(socket, opts.holdCap);
  return new Promise((resolve) => {
    const settle = (result: Opened<S>): void => {
      clearTimeout(timer);
      socket.removeListener(readyEvent, onReady);
      socket.removeListener('error', onError);
      resolve(result);
    };
    const onReady = (): void => settle({ ok: true, socket, reader });
    const onError = (error: NodeJS.ErrnoException): void => {
      const errorCode = error.code ?? 'UNKNOWN';
      settle({ ok: false, outcome: outcomeForErrorCode(errorCode), errorCode, message: error.message });
    };
    const timer = setTimeout(
      () => {
        socket.destroy();
        const message = `not ready (${readyEvent}) within ${Math.round(opts.ms)} ms`;
        settle({ ok: false, outcome: 'timeout', errorCode: 'ETIMEDOUT', message });
      },
      Math.max(0, opts.ms),
    );
    socket.once(readyEvent, onReady);
    socket.once('error', onError);
  });
}

/** Takes over a socket the connect probe already opened (paused, unread), instead of connecting again. */
export function adoptPlain(
  socket: net.Socket,
  opts: Pick<OpenOptions, 'holdCap' | 'sockets'>,
): Opened<net.Socket> {
  opts.sockets.add(socket);
  const reader = new SocketReader(socket, opts.holdCap);
  socket.resume();
  return { ok: true, socket, reader };
}

export function openPlain(opts: OpenOptions): Promise<Opened<net.Socket>> {
  const socket = net.connect({ host: opts.address, port: opts.port });
  rememberOwnConnection(socket);
  return whenReady(socket, 'connect', opts);
}

/**
 * A TLS connection that accepts any certificate: the probe reports trust (authorizationError) instead of
 * refusing, since self-signed certificates are normal on local servers. SNI is sent only for names,
 * as RFC 6066 forbids IP literals there.
 */
export function openTls(opts: OpenOptions & { serverName: string }): Promise<Opened<tls.TLSSocket>> {
  const socket = tls.connect({
    host: opts.address,
    port: opts.port,
    servername: net.isIP(opts.serverName) === 0 && opts.serverName !== '' ? opts.serverName : undefined,
    rejectUnauthorized: false,
    ALPNProtocols: ['http/1.1'],
  });
  rememberOwnConnection(socket);
  return whenReady(socket, 'secureConnect', opts);
}
