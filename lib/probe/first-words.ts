/**
 * What the probe says first to a server that waits for the client. HTTP is the default, but some
 * client-first servers treat an HTTP request as an attack or a broken packet and hang up without a
 * word (Redis drops a connection that sends `Host:`; PostgreSQL logs "invalid length of startup
 * packet"), so a healthy database would look like a dead proxy. Each of these requests is harmless and
 * gets a short answer only that protocol gives. Pure: chosen from the owner's name and the port.
 */
export type FirstWords = 'http' | 'resp' | 'pg-ssl';

/** RESP inline `PING`: Redis (and KeyDB, Valkey) answer `+PONG`, or `-NOAUTH…`/`-DENIED…` when locked. */
export const RESP_PING = Buffer.from('PING\r\n', 'latin1');
/** PostgreSQL SSLRequest: length 8, code 80877103. The server answers one byte, `S` or `N`. */
export const PG_SSL_REQUEST = Buffer.from([0x00, 0x00, 0x00, 0x08, 0x04, 0xd2, 0x16, 0x2f]);

const BY_PROCESS: Record<string, FirstWords> = {
  'redis-server': 'resp',
  'redis-stack-server': 'resp',
  'keydb-server': 'resp',
  'valkey-server': 'resp',
  postgres: 'pg-ssl',
  postmaster: 'pg-ssl',
};

const BY_PORT: Record<number, FirstWords> = { 6379: 'resp', 5432: 'pg-ssl' };

/**
 * The owner's process name decides when it is known (a web app on 6379 still gets HTTP); the well-known
 * port only when the owner could not be read.
 */
export function chooseFirstWords(owner: string | null, port: number): FirstWords {
  if (owner !== null) return BY_PROCESS[owner] ?? 'http';
  return BY_PORT[port] ?? 'http';
}

/**
 * Programs that greet before the client says anything (their process names as /proc/<pid>/comm has them):
 * for these the probe waits out the banner window; for any other known owner it speaks at once.
 */
const GREETERS = new Set([
  'sshd',
  'dropbear',
  'master',
  'smtpd',
  'exim',
  'exim4',
  'sendmail',
  'opensmtpd',
  'mysqld',
  'mariadbd',
  'vsftpd',
  'proftpd',
  'pure-ftpd',
  'dovecot',
  'imap-login',
  'pop3-login',
  'Xvnc',
  'x11vnc',
  'Xtigervnc',
  'telnetd',
  'in.telnetd',
]);

export function speaksFirst(owner: string): boolean {
  return GREETERS.has(owner) || /^(?:sshd|mysqld|smtpd|ftpd)\b/.test(owner);
}

/** What to try on fresh connections when the first request met a silent hang-up, in order. */
export function fallbackWords(first: FirstWords): Exclude<FirstWords, 'http'>[] {
  return (['resp', 'pg-ssl'] as const).filter((w) => w !== first);
}

export function requestBytes(words: Exclude<FirstWords, 'http'>): Buffer {
  return words === 'resp' ? RESP_PING : PG_SSL_REQUEST;
}
