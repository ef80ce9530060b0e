import 'server-only';
import { outsideText } from '@/lib/text/outside';

/**
 * A deliberately small HTTP/1.x response reader working on raw bytes. We parse by hand instead of using
 * node:http because the probe must survive servers that are not quite HTTP, must report exactly what
 * was sent, and must never hang waiting for a body it does not need.
 */

export interface HttpHead {
  httpVersion: string;
  status: number;
  reason: string;
  /** Lower-cased names; a repeated header is joined with ", ". */
  headers: Record<string, string>;
  /** Bytes before the body, including any 1xx interim heads (103 Early Hints) that were skipped. */
  headLength: number;
  /** False when the blank line ending the head has not arrived (the head was cut by a timeout). */
  complete: boolean;
}

/** Only the first part of an HTML body is searched for <title>: pages put it in <head>. */
export const TITLE_SEARCH_BYTES = 64 * 1024;
const TITLE_MAX_CHARS = 200;

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?) (\d{3})(?: ([^\r\n]*))?$/;

function findHeadEnd(bytes: Buffer, from: number): { end: number; separator: number } | null {
  const crlf = bytes.indexOf('\r\n\r\n', from, 'latin1');
  const lf = bytes.indexOf('\n\n', from, 'latin1');
  if (crlf === -1 && lf === -1) return null;
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return { end: crlf, separator: 4 };
  return { end: lf, separator: 2 };
}

/**
 * Parses the status line and headers of the final response in `bytes`. Returns null when the bytes do
 * not start with a valid status line. When the head is incomplete, the complete lines so far are used.
 */
export function parseHttpHead(bytes: Buffer): HttpHead | null {
  let offset = 0;
  for (;;) {
    const found = findHeadEnd(bytes, offset);
    const headEnd = found ? found.end : bytes.length;
    const lines = bytes.subarray(offset, headEnd).toString('latin1').split(/\r?\n/);
    if (!found) lines.pop(); // the last line may be cut in the middle
    const statusMatch = (lines[0] ?? '').match(STATUS_LINE);
    if (!statusMatch) return null;
    const status = Number(statusMatch[2]);
    const headLength = found ? headEnd + found.separator : bytes.length;
    // Interim 1xx answers (except 101 Switching Protocols) precede the real response: skip them.
    if (found && status >= 100 && status < 200 && status !== 101 && headLength < bytes.length) {
      offset = headLength;
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    return {
      httpVersion: statusMatch[1],
      status,
      reason: statusMatch[3]?.trim() ?? '',
      headers,
      headLength,
      complete: found !== null,
    };
  }
}

function isChunked(head: HttpHead): boolean {
  return /\bchunked\b/i.test(head.headers['transfer-encoding'] ?? '');
}

/**
 * Whether the whole body has arrived, so the probe can stop before the server closes.
 * `tail` holds the last bytes received (the chunked terminator may lie beyond what we keep).
 */
export function isBodyComplete(head: HttpHead, bodyBytes: number, tail: Buffer): boolean {
  if (!head.complete) return false;
  if (head.status === 204 || head.status === 304 || (head.status >= 100 && head.status < 200)) return true;
  if (isChunked(head)) return bodyBytes >= 5 && tail.toString('latin1').endsWith('0\r\n\r\n');
  const declared = Number(head.headers['content-length']);
  if (head.headers['content-length'] !== undefined && Number.isFinite(declared)) return bodyBytes >= declared;
  return false; // no length: the body ends when the server closes (we sent Connection: close)
}

/** Joins the data of the complete chunks in `body`; stops quietly at the first cut or malformed chunk. */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf('\r\n', offset, 'latin1');
    if (lineEnd === -1) break;
    const size = parseInt(body.subarray(offset, lineEnd).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(size) || size <= 0) break;
    const start = lineEnd + 2;
    parts.push(body.subarray(start, Math.min(start + size, body.length)));
    offset = start + size + 2;
  }
  return Buffer.concat(parts);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A reference to a control character (`&#27;` is ESC), a surrogate or a noncharacter stays as written:
 * decoding it would hand raw control bytes to whoever prints the title.
 */
function decodable(code: number): boolean {
  if (!(code > 0 && code <= 0x10ffff)) return false;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return !((code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return decodable(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The <title> of an HTML body, read from its first 64 KiB. Chunked bodies are de-chunked (dev servers
 * such as Next.js stream HTML that way). Compressed bodies are not decoded: we never send
 * Accept-Encoding, so a server that compresses anyway simply gets no title. Text is read as UTF-8,
 * which is what local dev servers send in practice.
 */
export function extractTitle(head: HttpHead, body: Buffer): string | null {
  const encoding = (head.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== '') return null;
  const raw = isChunked(head) ? dechunk(body) : body;
  const text = raw.subarray(0, TITLE_SEARCH_BYTES).toString('utf8');
  const contentType = head.headers['content-type'];
  if (contentType !== undefined ? !/html/i.test(contentType) : !/^\s*</.test(text)) return null;
  const match = text.match(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i);
  if (!match) return null;
  const title = decodeEntities(match[1]).replace(/\s+/g, ' ').trim();
  if (title === '') return null;
  return outsideText(title, TITLE_MAX_CHARS);
}
