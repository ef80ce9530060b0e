import type { Family } from '@/lib/net';

export type ConnectOutcome = 'open' | 'refused' | 'timeout' | 'reset' | 'unreachable' | 'error';

/** One TCP connect attempt to one resolved address. */
export interface ConnectAttempt {
  address: string;
  family: Family;
  port: number;
  outcome: ConnectOutcome;
  /** Time until the outcome was known (connect time when open). */
  timeMs: number;
  /** The OS error code behind the outcome: ECONNREFUSED, ETIMEDOUT, ECONNRESET, ENETUNREACH… */
  errorCode?: string;
}

export interface HttpAnswer {
  httpVersion: string;
  status: number;
  reason: string;
  server: string | null;
  contentType: string | null;
  title: string | null;
  /** Location header of a redirect, as sent. */
  location: string | null;
  /** Time to the first byte of the response, from sending the request. */
  ttfbMs: number;
  bodyBytes: number;
  bodyTruncated: boolean;
}

export interface TlsAnswer {
  protocol: string | null;
  cipher: string | null;
  subject: string | null;
  issuer: string | null;
  validTo: string | null;
  /** Why the certificate is not trusted (self-signed is normal for local servers). */
  authorizationError: string | null;
  /*
   * The fields below are optional so facts recorded before certificates were described still read.
   */
  /** ISO 8601, like validTo. */
  validFrom?: string | null;
  /** The subjectAltName entries as "DNS:localhost", "IP Address:127.0.0.1" (capped, at most a few). */
  altNames?: string[];
  /** Issuer equals subject: nobody but the server itself vouches for it. */
  selfSigned?: boolean;
  /** The host the person typed, checked against the certificate's names. */
  checkedHost?: string;
  /** Why the certificate does not name checkedHost (tls.checkServerIdentity's reason), null when it does. */
  nameMismatch?: string | null;
}

/**
 * What answered on an open socket:
 * - http / https: an HTTP response (https = over TLS);
 * - tls: a TLS handshake succeeded but no HTTP answer came over it;
 * - banner: the server spoke first or answered with a non-HTTP protocol (see `protocol`);
 * - no-response: it accepted the connection and never said anything;
 * - closed: it closed the connection without a word; reset: it reset it.
 */
export type AppKind = 'http' | 'https' | 'tls' | 'banner' | 'no-response' | 'closed' | 'reset' | 'error';

export interface AppProbe {
  address: string;
  port: number;
  kind: AppKind;
  /** Guessed protocol: 'HTTP', 'HTTPS', 'TLS', 'SSH', 'SMTP', 'FTP', 'MySQL', 'Redis', 'PostgreSQL', 'unknown'. */
  protocol: string | null;
  /** First bytes the server sent, printable, capped (for banners and non-HTTP answers). */
  banner: string | null;
  http: HttpAnswer | null;
  tls: TlsAnswer | null;
  timeMs: number;
  message?: string;
}

export interface ProbeTimeouts {
  connectMs: number;
  /** How long to wait for a server that speaks first (SSH, SMTP…) before sending HTTP. */
  bannerMs: number;
  /** How long to wait for an answer to the HTTP request / TLS handshake. */
  responseMs: number;
}

export const DEFAULT_PROBE_TIMEOUTS: ProbeTimeouts = { connectMs: 1500, bannerMs: 350, responseMs: 2500 };
