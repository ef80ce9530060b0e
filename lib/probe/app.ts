import 'server-only';
import type net from 'node:net';
import { answerAsksForTls, httpAnswerFrom, HOLD_CAP, isAnswerEnough } from '@/lib/probe/http-answer';
import {
  greetingComplete,
  guessProtocol,
  isTlsRecord,
  printableBanner,
  startsLikeHttp,
  type Speaker,
} from '@/lib/probe/sniff';
import {
  chooseFirstWords,
  fallbackWords,
  requestBytes,
  speaksFirst,
  type FirstWords,
} from '@/lib/probe/first-words';
import { adoptPlain, openPlain, openTls, type Opened, type SocketReader } from '@/lib/probe/stream';
import { assertLiteralIp, closeGracefully } from '@/lib/probe/tcp';
import { describeTls } from '@/lib/probe/tls-info';
import { tlsFailureSentence } from '@/lib/probe/tls-errors';
import { DEFAULT_PROBE_TIMEOUTS, type AppProbe, type ProbeTimeouts } from '@/lib/probe/types';
import { outsideText } from '@/lib/text/outside';

export interface ApplicationProbeOptions {
  timeouts?: Partial<ProbeTimeouts>;
  /** Sent as the Host header, e.g. "localhost:3000"; its name part is also the TLS SNI name. */
  hostHeader: string;
  /** Request target, e.g. "/" or "/api/health?x=1". */
  path: string;
  /** The person typed https://: try TLS first, then plaintext. */
  preferTls?: boolean;
  /**
   * The connection the connect probe already opened to this address (paused, unread). The first
   * plaintext conversation uses it, so a server that accepts only one connection is still asked.
   */
  socket?: net.Socket;
  /** Name of the process that listens on the port (null when unknown); picks the first request. */
  owner?: Promise<string | null> | string | null;
}

/** Scheduling slack on top of the summed timeouts before the overall deadline. */
const DEADLINE_SLACK_MS = 50;
/** The safety net fires after the deadline that every wait already respects, so it only catches bugs. */
const SAFETY_NET_MS = 25;
const USER_AGENT = 'LocalhostDoctor/0.1 (+diagnosis probe)';
/** How long, after the banner wait, we still wait for the owner's name before choosing our first words. */
const OWNER_WAIT_MS = 150;
/** Redis and PostgreSQL answer PING / SSLRequest at once; this only bounds a server that does not. */
const FALLBACK_MAX_MS = 1000;
/** Messages quote error text from TLS and sockets (an alert's description, a certificate's name). */
const MESSAGE_MAX_CHARS = 500;

type Outcome = Omit<AppProbe, 'address' | 'port' | 'timeMs'>;

interface Context {
  address: string;
  port: number;
  hostHeader: string;
  path: string;
  serverName: string;
  timeouts: ProbeTimeouts;
  deadlineAt: number;
  sockets: Set<net.Socket>;
  handed: net.Socket | null;
  owner: Promise<string | null>;
}

/** Defaults for missing timeouts; an explicit `undefined` in the partial must not erase a default. */
export function resolveTimeouts(partial: Partial<ProbeTimeouts> = {}): ProbeTimeouts {
  return {
    connectMs: partial.connectMs ?? DEFAULT_PROBE_TIMEOUTS.connectMs,
    bannerMs: partial.bannerMs ?? DEFAULT_PROBE_TIMEOUTS.bannerMs,
    responseMs: partial.responseMs ?? DEFAULT_PROBE_TIMEOUTS.responseMs,
  };
}

const fallbackMs = (timeouts: ProbeTimeouts): number => Math.min(timeouts.responseMs, FALLBACK_MAX_MS);

/**
 * The most a probe may take: connect, banner wait, the owner's name, two answers (plaintext then TLS),
 * and one round of client-first fallbacks (RESP PING, SSLRequest) in between.
 */
export function applicationDeadlineMs(timeouts: ProbeTimeouts): number {
  return (
    timeouts.connectMs +
    timeouts.bannerMs +
    OWNER_WAIT_MS +
    2 * timeouts.responseMs +
    fallbackMs(timeouts) +
    DEADLINE_SLACK_MS
  );
}

/** "[::1]:3000" → "::1", "localhost:3000" → "localhost", "::1" → "::1". */
function serverNameOf(hostHeader: string): string {
  const bracketed = hostHeader.match(/^\[([^\]]+)\]/);
  if (bracketed) return bracketed[1];
  const colon = hostHeader.indexOf(':');
  return colon !== -1 && colon === hostHeader.lastIndexOf(':') ? hostHeader.slice(0, colon) : hostHeader;
}

function assertRequestParts(hostHeader: string, path: string): void {
  // Whitespace or control characters would let a caller inject headers into our request.
  if (hostHeader === '' || /[\x00-\x20\x7f]/.test(hostHeader)) {
    throw new TypeError(`invalid Host header value ${JSON.stringify(hostHeader)}`);
  }
  if (!path.startsWith('/') || /[\x00-\x20\x7f]/.test(path)) {
    throw new TypeError(`invalid request path ${JSON.stringify(path)} (must start with "/", no spaces)`);
  }
}

const remaining = (ctx: Context): number => Math.max(0, ctx.deadlineAt - performance.now());
const within = (ctx: Context, ms: number): number => Math.min(ms, remaining(ctx));

function outcome(kind: AppProbe['kind'], fields: Partial<Outcome> = {}): Outcome {
  return { kind, protocol: null, banner: null, http: null, tls: null, ...fields };
}

function bannerOutcome(bytes: Buffer, speaker: Speaker): Outcome {
  return outcome('banner', { protocol: guessProtocol(bytes, speaker), banner: printableBanner(bytes) });
}

/** The stream ended before any byte came: say how. */
function endedOutcome(reader: SocketReader, when: string): Outcome {
  if (reader.ended === 'reset')
    return outcome('reset', { message: `connection reset ${when} (${reader.errorCode ?? 'ECONNRESET'})` });
  if (reader.ended === 'error')
    return outcome('error', { message: `socket error ${when} (${reader.errorCode ?? 'unknown'})` });
  return outcome('closed', { message: `the server closed the connection ${when}, without sending a byte` });
}

function connectFailure(failed: Extract<Opened<net.Socket>, { ok: false }>): Outcome {
  const kind = failed.outcome === 'reset' ? 'reset' : 'error';
  return outcome(kind, { message: `could not connect: ${failed.outcome} (${failed.errorCode})` });
}

/** Sends a minimal GET and waits until the answer is complete enough to judge; returns when it was sent. */
async function askHttp(ctx: Context, socket: net.Socket, reader: SocketReader): Promise<number> {
  const request =
    `GET ${ctx.path} HTTP/1.1\r\nHost: ${ctx.hostHeader}\r\nUser-Agent: ${USER_AGENT}\r\n` +
    'Accept: */*\r\nConnection: close\r\n\r\n';
  const sentAt = performance.now();
  socket.write(request);
  await reader.waitFor(isAnswerEnough, within(ctx, ctx.timeouts.responseMs));
  return sentAt;
}

/** TLS handshake, then HTTP over it. A string is the reason the handshake failed. */
async function viaTls(ctx: Context): Promise<Outcome | string> {
  const ms = within(ctx, ctx.timeouts.connectMs + ctx.timeouts.responseMs);
  const opened = await openTls({ ...ctx, ms, holdCap: HOLD_CAP, serverName: ctx.serverName });
  if (!opened.ok) return tlsFailureSentence(opened.errorCode, opened.message);
  const { socket, reader } = opened;
  const tls = describeTls(socket, ctx.serverName);
  const sentAt = await askHttp(ctx, socket, reader);
  const http = httpAnswerFrom(reader, sentAt);
  if (http) return outcome('https', { protocol: 'HTTPS', http, tls });
  if (reader.total > 0) {
    const message = 'the TLS handshake succeeded but the answer over it is not HTTP';
    return outcome('tls', { protocol: 'TLS', tls, banner: printableBanner(reader.bytes), message });
  }
  const why = reader.ended ? 'closed the TLS connection' : 'stayed silent';
  return outcome('tls', {
    protocol: 'TLS',
    tls,
    message: `the TLS handshake succeeded, then the server ${why} after our HTTP request`,
  });
}

/** A plaintext connection: the one handed over by the connect probe the first time, fresh ones after. */
async function openPlaintext(ctx: Context): Promise<Opened<net.Socket>> {
  const handed = ctx.handed;
  if (handed) {
    ctx.handed = null;
    return adoptPlain(handed, { holdCap: HOLD_CAP, sockets: ctx.sockets });
  }
  return openPlain({ ...ctx, ms: within(ctx, ctx.timeouts.connectMs), holdCap: HOLD_CAP });
}

/** The owner's name if it is known by the time we must speak; never waits past OWNER_WAIT_MS. */
async function ownerSoon(ctx: Context): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), within(ctx, OWNER_WAIT_MS));
  });
  try {
    return await Promise.race([ctx.owner.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for a server-first greeting, but only as long as it can be one: the bytes a greeting server sends
 * on accept arrive at once, so once the owner's name is known and it is not a program that speaks first
 * (sshd, a mail or FTP server, MySQL…), waiting longer would only cost time. Returns the owner when it
 * cut the wait short, undefined when the whole banner window passed (or bytes came) first.
 */
async function listenForGreeting(ctx: Context, reader: SocketReader): Promise<string | null | undefined> {
  let owner: string | null | undefined;
  const never = new Promise<never>(() => {});
  const notAGreeter = ctx.owner.then(
    (name) => {
      owner = name;
      return name === null || speaksFirst(name) ? never : undefined;
    },
    () => never,
  );
  await reader.waitFor((r) => greetingComplete(r.bytes), within(ctx, ctx.timeouts.bannerMs), notAGreeter);
  return owner;
}

/**
 * A RESP PING or an SSLRequest, and what came back: a banner outcome when the answer names a protocol
 * (Redis, PostgreSQL…), 'http' when an HTTP server answered it, null when nothing useful came.
 */
async function askClientFirst(
  ctx: Context,
  words: Exclude<FirstWords, 'http'>,
  socket: net.Socket,
  reader: SocketReader,
  ms: number,
): Promise<Outcome | 'http' | null> {
  socket.write(requestBytes(words));
  const enough =
    words === 'pg-ssl' ? (r: SocketReader) => r.total > 0 : (r: SocketReader) => greetingComplete(r.bytes);
  await reader.waitFor(enough, within(ctx, ms));
  if (reader.total === 0) return null;
  if (startsLikeHttp(reader.bytes)) return 'http';
  const protocol = guessProtocol(reader.bytes, words === 'pg-ssl' ? 'sslrequest-reply' : 'reply');
  if (protocol === 'unknown' || protocol === 'TLS') return null;
  return outcome('banner', { protocol, banner: printableBanner(reader.bytes) });
}

/**
 * After the first request met a silent hang-up: the other client-first requests, at once, each on a
 * fresh connection. The first that names its protocol wins.
 */
async function fallbacks(ctx: Context, tried: FirstWords): Promise<Outcome | null> {
  const tries = fallbackWords(tried).map(async (words) => {
    const opened = await openPlain({ ...ctx, ms: within(ctx, ctx.timeouts.connectMs), holdCap: HOLD_CAP });
    if (!opened.ok) return null;
    const answer = await askClientFirst(ctx, words, opened.socket, opened.reader, fallbackMs(ctx.timeouts));
    opened.socket.destroy();
    return typeof answer === 'object' ? answer : null;
  });
  // The first that names its protocol wins at once: Redis, for one, waits forever on a bare SSLRequest.
  return new Promise((resolve) => {
    let left = tries.length;
    if (left === 0) resolve(null);
    for (const t of tries) {
      void t.then((answer) => {
        left -= 1;
        if (answer !== null || left === 0) resolve(answer);
      });
    }
  });
}

/** The server closed or reset right after our first request, without a byte: find out who it is. */
async function afterHangUp(
  ctx: Context,
  reader: SocketReader,
  tried: FirstWords,
  tlsAlreadyTried: boolean,
): Promise<Outcome> {
  const known = await fallbacks(ctx, tried);
  if (known) return known;
  // Closing or resetting right after a plaintext request is how many TLS-only servers react.
  const tlsTry = tlsAlreadyTried ? null : await viaTls(ctx);
  if (tlsTry !== null && typeof tlsTry !== 'string') return tlsTry;
  const what = tried === 'http' ? 'HTTP request' : tried === 'resp' ? 'RESP PING' : 'PostgreSQL SSLRequest';
  const ended = endedOutcome(reader, `right after our ${what}`);
  return tlsTry === null ? ended : { ...ended, message: `${ended.message}; TLS failed too (${tlsTry})` };
}

async function plaintextFirst(ctx: Context, tlsAlreadyTried: boolean): Promise<Outcome> {
  const opened = await openPlaintext(ctx);
  if (!opened.ok) return connectFailure(opened);
  const { socket, reader } = opened;

  // SSH, SMTP, MySQL… speak first; HTTP, TLS, Redis and PostgreSQL servers wait for the client.
  const owner = await listenForGreeting(ctx, reader);
  if (reader.total > 0) return bannerOutcome(reader.bytes, 'server-first');
  if (reader.ended) return endedOutcome(reader, 'before we sent anything');

  const words = chooseFirstWords(owner === undefined ? await ownerSoon(ctx) : owner, ctx.port);
  if (words !== 'http') {
    const answer = await askClientFirst(ctx, words, socket, reader, ctx.timeouts.responseMs);
    if (answer !== null && answer !== 'http') return answer;
    if (reader.total === 0) {
      if (reader.ended) return afterHangUp(ctx, reader, words, tlsAlreadyTried);
      // Silent to it: perhaps it waits for HTTP. Same connection, as a single-accept server has no other.
      return plaintextHttp(ctx, opened, tlsAlreadyTried);
    }
    // An HTTP server, or something else, on a database's port: ask it in HTTP on a fresh connection.
    return plaintextHttp(ctx, await openPlaintext(ctx), tlsAlreadyTried);
  }
  return plaintextHttp(ctx, opened, tlsAlreadyTried);
}

async function plaintextHttp(
  ctx: Context,
  opened: Opened<net.Socket>,
  tlsAlreadyTried: boolean,
): Promise<Outcome> {
  if (!opened.ok) return connectFailure(opened);
  const { socket, reader } = opened;
  const sentAt = await askHttp(ctx, socket, reader);
  if (reader.total === 0) {
    if (!reader.ended) {
      const waited = ctx.timeouts.bannerMs + ctx.timeouts.responseMs;
      return outcome('no-response', {
        message: `connected, but no byte came back within ${waited} ms, even to an HTTP request`,
      });
    }
    return afterHangUp(ctx, reader, 'http', tlsAlreadyTried);
  }
  // A TLS alert record, or a 400 that names HTTPS, is a TLS server telling us to speak TLS.
  if (!tlsAlreadyTried && (isTlsRecord(reader.bytes) || answerAsksForTls(reader))) {
    const tlsTry = await viaTls(ctx);
    if (typeof tlsTry !== 'string') return tlsTry;
  }
  const http = httpAnswerFrom(reader, sentAt);
  if (http) return outcome('http', { protocol: 'HTTP', http });
  return bannerOutcome(reader.bytes, 'reply');
}

async function run(ctx: Context, preferTls: boolean): Promise<Outcome> {
  if (!preferTls) return plaintextFirst(ctx, false);
  // A TLS handshake needs a fresh connection; the handed-over one is not used for https://.
  if (ctx.handed) closeGracefully(ctx.handed);
  ctx.handed = null;
  const tlsTry = await viaTls(ctx);
  if (typeof tlsTry !== 'string') return tlsTry;
  const plain = await plaintextFirst(ctx, true);
  return {
    ...plain,
    message: plain.message ?? `TLS handshake failed (${tlsTry}); the server answered in plaintext`,
  };
}

/**
 * What speaks on an open port: HTTP, HTTPS, bare TLS, a banner protocol, or silence. The first
 * plaintext attempt uses `options.socket` when given, each other attempt a fresh connection; the whole probe ends by its deadline (applicationDeadlineMs) whatever the
 * server does, and every socket it opened is destroyed before it resolves. Resolves, never rejects,
 * except with a TypeError for invalid arguments.
 */
export async function probeApplication(
  address: string,
  port: number,
  options: ApplicationProbeOptions,
): Promise<AppProbe> {
  try {
    assertLiteralIp(address);
    assertRequestParts(options.hostHeader, options.path);
  } catch (error) {
    options.socket?.destroy();
    throw error;
  }
  const timeouts = resolveTimeouts(options.timeouts);
  const started = performance.now();
  const ctx: Context = {
    address,
    port,
    hostHeader: options.hostHeader,
    path: options.path,
    serverName: serverNameOf(options.hostHeader),
    timeouts,
    deadlineAt: started + applicationDeadlineMs(timeouts),
    sockets: new Set(),
    handed: options.socket ?? null,
    owner: Promise.resolve(options.owner ?? null),
  };
  let safetyNet: NodeJS.Timeout | undefined;
  const overtime = new Promise<Outcome>((resolve) => {
    safetyNet = setTimeout(
      () => resolve(outcome('error', { message: 'the probe hit its overall deadline' })),
      applicationDeadlineMs(timeouts) + SAFETY_NET_MS,
    );
  });
  const work = run(ctx, options.preferTls === true).catch((error: unknown) =>
    outcome('error', { message: `probe failed: ${error instanceof Error ? error.message : String(error)}` }),
  );
  try {
    const result = await Promise.race([work, overtime]);
    const message =
      result.message === undefined ? {} : { message: outsideText(result.message, MESSAGE_MAX_CHARS) };
    return { address, port, ...result, ...message, timeMs: performance.now() - started };
  } finally {
    clearTimeout(safetyNet);
    if (ctx.handed) ctx.handed.destroy(); // handed over but never used (the probe failed before)
    for (const socket of ctx.sockets) socket.destroy();
  }
}
