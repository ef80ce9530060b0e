import 'server-only';

/**
 * Protocol guessing from the first bytes a server sends. Pure functions: no sockets here, so every
 * guess is unit-tested on byte fixtures (__tests__/unit/probe/sniff.test.ts).
 */

/**
 * Whether the server spoke first (a greeting), answered our plaintext HTTP request or RESP PING (a
 * reply), or answered a PostgreSQL SSLRequest (where a lone `S` or `N` means PostgreSQL).
 */
export type Speaker = 'server-first' | 'reply' | 'sslrequest-reply';

const BANNER_MAX_CHARS = 200;
/** A greeting longer than this is enough to guess from; waiting for more only costs time. */
const GREETING_ENOUGH_BYTES = 512;

/** A TLS record header: alert (0x15) or handshake (0x16), then a 0x03 major version. */
export function isTlsRecord(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0] === 0x15 || bytes[0] === 0x16) && bytes[1] === 0x03;
}

/** True while `bytes` could still become "HTTP/…" (lets the reader wait for a status line split across packets). */
export function startsLikeHttp(bytes: Buffer): boolean {
  const prefix = 'HTTP/';
  const n = Math.min(bytes.length, prefix.length);
  return bytes.subarray(0, n).toString('latin1') === prefix.slice(0, n);
}

/**
 * MySQL/MariaDB packet: 3-byte little-endian payload length, sequence id 0, then the payload.
 * The initial handshake payload starts with protocol version 10 and a NUL-terminated version string;
 * a server that refuses our host sends an error packet (0xff) instead, still with sequence 0.
 */
function mysqlPacket(bytes: Buffer): { payload: Buffer; complete: boolean } | null {
  if (bytes.length < 5 || bytes[3] !== 0) return null;
  const length = bytes.readUIntLE(0, 3);
  if (length < 2 || length > 0xffff) return null;
  return { payload: bytes.subarray(4, 4 + length), complete: bytes.length >= 4 + length };
}

function isMysqlGreeting(bytes: Buffer): boolean {
  const packet = mysqlPacket(bytes);
  if (!packet) return false;
  const { payload } = packet;
  if (payload[0] === 0x0a) {
    const end = payload.indexOf(0, 1);
    const version = payload.subarray(1, end === -1 ? Math.min(payload.length, 40) : end).toString('latin1');
    return /^\d+\.\d+/.test(version);
  }
  return payload[0] === 0xff && /mysql|mariadb/i.test(payload.subarray(3).toString('latin1'));
}

/** PostgreSQL backend ErrorResponse: 'E', int32 length (includes itself), then fields like 'S' FATAL. */
function postgresErrorLength(bytes: Buffer): number | null {
  if (bytes.length < 6 || bytes[0] !== 0x45) return null;
  const length = bytes.readUInt32BE(1);
  if (length < 5 || length > 0x10000) return null;
  const field = String.fromCharCode(bytes[5]);
  return 'SVCM'.includes(field) ? length : null;
}

/** The greeting is worth reading now: a full line, a full binary packet, or plenty of bytes. */
export function greetingComplete(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if (bytes.length >= GREETING_ENOUGH_BYTES) return true;
  // Binary framings first: MySQL's protocol version 10 is the byte 0x0a, which is also "\n".
  const mysql = mysqlPacket(bytes);
  if (mysql && (mysql.payload[0] === 0x0a || mysql.payload[0] === 0xff)) return mysql.complete;
  const pgLength = postgresErrorLength(bytes);
  if (pgLength !== null) return bytes.length >= 1 + pgLength;
  return bytes.includes(0x0a);
}

/** RESP (Redis) answers: simple string, error, integer, bulk string or array, each ending in CRLF. */
function looksLikeResp(text: string): boolean {
  return /^(?:[-+][A-Za-z]+[^\r\n]*|:-?\d+|\$-?\d+|\*-?\d+)\r\n/.test(text);
}

/** Best guess of the protocol behind `bytes`; 'unknown' rather than a wrong name. */
export function guessProtocol(bytes: Buffer, speaker: Speaker): string {
  if (bytes.length === 0) return 'unknown';
  if (speaker === 'sslrequest-reply' && bytes.length === 1 && (bytes[0] === 0x53 || bytes[0] === 0x4e))
    return 'PostgreSQL';
  const text = bytes.subarray(0, 256).toString('latin1');
  if (text.startsWith('HTTP/')) return 'HTTP';
  if (isTlsRecord(bytes)) return 'TLS';
  if (text.startsWith('SSH-')) return 'SSH';
  if (/^RFB \d{3}\.\d{3}\n/.test(text)) return 'VNC';
  if (isMysqlGreeting(bytes)) return 'MySQL';
  if (postgresErrorLength(bytes) !== null) return 'PostgreSQL';
  if (/^220[ -]/.test(text)) {
    // SMTP and FTP both greet with 220; the rest of the line usually names the software.
    if (/smtp|postfix|exim|sendmail/i.test(text)) return 'SMTP';
    if (/ftp/i.test(text)) return 'FTP';
    return 'unknown';
  }
  if (/^\* (?:OK|PREAUTH|BYE)\b/.test(text)) return 'IMAP';
  // POP3 greets with "+OK"; Redis never speaks first, so a "+OK" greeting is POP3.
  if (speaker === 'server-first' && /^\+OK\b/.test(text)) return 'POP3';
  if (speaker === 'reply' && looksLikeResp(text)) return 'Redis';
  return 'unknown';
}

/**
 * The first bytes as text a person can read in a report: printable ASCII kept, CR/LF/TAB shown as
 * escapes, everything else as \xNN, capped so a binary flood cannot bloat the JSON.
 */
export function printableBanner(bytes: Buffer, maxChars: number = BANNER_MAX_CHARS): string {
  let out = '';
  for (const byte of bytes) {
    let piece: string;
    if (byte === 0x0d) piece = '\\r';
    else if (byte === 0x0a) piece = '\\n';
    else if (byte === 0x09) piece = '\\t';
    else if (byte === 0x5c) piece = '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) piece = String.fromCharCode(byte);
    else piece = `\\x${byte.toString(16).padStart(2, '0')}`;
    if (out.length + piece.length > maxChars) return `${out}…`;
    out += piece;
  }
  return out;
}
