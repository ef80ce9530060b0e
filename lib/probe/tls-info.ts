import 'server-only';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { TlsAnswer } from '@/lib/probe/types';
import { outsideOrNull } from '@/lib/text/outside';

/** Certificate names and error codes are the server's text: a certificate can carry any CN. */
const TLS_FIELD_MAX_CHARS = 200;
/** A certificate can list thousands of names; a diagnosis needs the first few. */
const ALT_NAMES_MAX = 20;

/** A certificate name field is a string, or an array when the name has several CN entries. */
function firstName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

/** Turns OpenSSL's "Nov 27 05:00:00 2026 GMT" into ISO 8601, so callers can compare it with dates. */
function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** "DNS:localhost, IP Address:127.0.0.1" → ["DNS:localhost", "IP Address:127.0.0.1"], capped. */
function altNamesOf(cert: PeerCertificate): string[] {
  const text = typeof cert.subjectaltname === 'string' ? cert.subjectaltname : '';
  return text
    .split(', ')
    .filter((name) => name !== '')
    .slice(0, ALT_NAMES_MAX)
    .map((name) => outsideOrNull(name, TLS_FIELD_MAX_CHARS)!);
}

/**
 * Node checks the name only when the chain verifies, so a self-signed certificate never reports a
 * mismatch: check what the person typed ourselves (the probe connects to an address, not to that name).
 */
function nameMismatchOf(cert: PeerCertificate, typedHost: string): string | null {
  const error = checkServerIdentity(typedHost, cert);
  return error ? outsideOrNull(error.message, TLS_FIELD_MAX_CHARS) : null;
}

/**
 * What the handshake revealed. authorizationError is the reason the certificate would not be trusted
 * by a browser (DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID…); we
 * connect with rejectUnauthorized:false precisely so we can report it instead of failing.
 */
export function describeTls(socket: TLSSocket, typedHost: string): TlsAnswer {
  const cert = socket.getPeerCertificate();
  const hasCert = cert !== null && typeof cert === 'object' && Object.keys(cert).length > 0;
  // Node types authorizationError as Error, but at runtime it is the OpenSSL code as a string.
  const authError: unknown = socket.authorizationError;
  let authorizationError: string | null = null;
  if (!socket.authorized) {
    if (typeof authError === 'string') authorizationError = authError;
    else if (authError instanceof Error)
      authorizationError = (authError as NodeJS.ErrnoException).code ?? authError.message;
    else authorizationError = 'UNTRUSTED';
  }
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    subject: hasCert ? outsideOrNull(firstName(cert.subject?.CN), TLS_FIELD_MAX_CHARS) : null,
    issuer: hasCert ? outsideOrNull(firstName(cert.issuer?.CN), TLS_FIELD_MAX_CHARS) : null,
    validTo: hasCert ? outsideOrNull(isoDate(cert.valid_to), TLS_FIELD_MAX_CHARS) : null,
    authorizationError: outsideOrNull(authorizationError, TLS_FIELD_MAX_CHARS),
    validFrom: hasCert ? outsideOrNull(isoDate(cert.valid_from), TLS_FIELD_MAX_CHARS) : null,
    altNames: hasCert ? altNamesOf(cert) : [],
    selfSigned: hasCert && JSON.stringify(cert.subject) === JSON.stringify(cert.issuer),
    checkedHost: outsideOrNull(typedHost, TLS_FIELD_MAX_CHARS)!,
    nameMismatch: hasCert && typedHost !== '' ? nameMismatchOf(cert, typedHost) : null,
  };
}
