/**
 * OpenSSL's error text ("808C…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:
 * ../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n") is for OpenSSL's developers: a source path, a
 * thread id and a stray newline. A finding says what happened in a sentence and keeps the code to search.
 */
const SENTENCES: Record<string, string> = {
  ERR_SSL_WRONG_VERSION_NUMBER:
    'the server did not answer in TLS (it most likely speaks plain HTTP or another protocol)',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'the server did not answer in TLS (its answer is not a TLS record)',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'the server offers only a TLS version this client refuses (too old)',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'the server refused the TLS versions this client offers',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'the server ended the handshake: no cipher or option in common',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server asks for a client certificate, and none was sent',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server rejected the client certificate',
  ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR: 'the server had an internal error during the handshake',
  ERR_SSL_TLSV1_UNRECOGNIZED_NAME: 'the server does not know the name sent in SNI',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'no TLS version is available between this client and the server',
  ECONNRESET: 'the server reset the connection during the TLS handshake',
  EPIPE: 'the server closed the connection during the TLS handshake',
};

/** The reason field of an OpenSSL error line (…:error:<code>:<lib>:<func>:<reason>:<file>:<line>:). */
function openSslReason(message: string): string | null {
  const m = message.match(/:error:[0-9A-Fa-f]+:[^:]*:[^:]*:([^:\n]+)/);
  return m ? m[1]!.trim() : null;
}

/** One line a person can read, ending in the code: "…plain HTTP… (ERR_SSL_WRONG_VERSION_NUMBER)". */
export function tlsFailureSentence(code: string, message: string): string {
  const known = SENTENCES[code];
  if (known) return `${known} (${code})`;
  const reason = openSslReason(message);
  const text = (reason ?? message).replace(/\s+/g, ' ').trim();
  return text === '' ? code : `${text} (${code})`;
}
