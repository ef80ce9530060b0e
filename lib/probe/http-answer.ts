import 'server-only';
import { extractTitle, isBodyComplete, parseHttpHead, TITLE_SEARCH_BYTES } from '@/lib/probe/http-parse';
import { greetingComplete, isTlsRecord, startsLikeHttp } from '@/lib/probe/sniff';
import type { HttpAnswer } from '@/lib/probe/types';
import { outsideOrNull, outsideText } from '@/lib/text/outside';

/** Bytes kept per connection: room for a large head plus the part of the body searched for <title>. */
export const HOLD_CAP = 64 * 1024 + TITLE_SEARCH_BYTES;
/** Body bytes counted before we stop reading; a diagnosis never needs the whole of a big download. */
export const BODY_COUNT_CAP = 1024 * 1024;

/**
 * Longest server-provided strings we keep (longer ones are cut with a note): enough for any real reason
 * phrase, Server or Content-Type header; a Location may carry a long query string (OAuth redirects).
 */
export const FIELD_MAX_CHARS = 200;
export const LOCATION_MAX_CHARS = 1000;

/** What a SocketReader has received, as plain data (keeps these functions free of sockets). */
export interface Received {
  bytes: Buffer;
  total: number;
  tail: Buffer;
  firstByteAt: number | null;
  ended: 'end' | 'reset' | 'error' | null;
}

/**
 * Whether the answer to our request is complete enough to judge, so we stop waiting early:
 * a whole non-HTTP line, a TLS record, or an HTTP response whose body ended or reached the count cap.
 */
export function isAnswerEnough(received: Received): boolean {
  const { bytes } = received;
  if (bytes.length === 0) return false;
  if (!startsLikeHttp(bytes)) return greetingComplete(bytes) || isTlsRecord(bytes);
  if (bytes.length >= HOLD_CAP) return true; // a head this large is not worth waiting for
  const head = parseHttpHead(bytes);
  if (!head?.complete) return false;
  const bodyBytes = received.total - head.headLength;
  return bodyBytes >= BODY_COUNT_CAP || isBodyComplete(head, bodyBytes, received.tail);
}

/**
 * The HTTP answer in what was received, or null when it is not HTTP.
 * bodyBytes counts bytes after the head as they came on the wire (chunk framing included).
 */
export function httpAnswerFrom(received: Received, sentAt: number): HttpAnswer | null {
  const head = parseHttpHead(received.bytes);
  if (!head) return null;
  const bodyBytes = Math.max(0, received.total - head.headLength);
  // With Connection: close, the server closing the stream after a full head ends the body.
  const closedCleanly = received.ended === 'end' && head.complete;
  return {
    httpVersion: head.httpVersion,
    status: head.status,
    reason: outsideText(head.reason, FIELD_MAX_CHARS),
    server: outsideOrNull(head.headers['server'], FIELD_MAX_CHARS),
    contentType: outsideOrNull(head.headers['content-type'], FIELD_MAX_CHARS),
    title: extractTitle(head, received.bytes.subarray(head.headLength)),
    location: outsideOrNull(head.headers['location'], LOCATION_MAX_CHARS),
    ttfbMs: received.firstByteAt === null ? 0 : Math.max(0, received.firstByteAt - sentAt),
    bodyBytes,
    bodyTruncated: !isBodyComplete(head, bodyBytes, received.tail) && !closedCleanly,
  };
}

/**
 * A plaintext 400 that says "speak TLS to me": Go's net/http (and so Caddy, Traefik…) answers
 * "Client sent an HTTP request to an HTTPS server.", nginx "The plain HTTP request was sent to HTTPS port".
 */
export function answerAsksForTls(received: Received): boolean {
  const head = parseHttpHead(received.bytes);
  if (!head || head.status !== 400) return false;
  const body = received.bytes.subarray(head.headLength, head.headLength + 4096).toString('latin1');
  return /HTTP request (?:was sent )?to (?:an )?HTTPS/i.test(body);
}
