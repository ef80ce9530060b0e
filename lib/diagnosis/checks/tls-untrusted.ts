import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes, shellFix } from '@/lib/diagnosis/fix';
import type { Facts, Fix } from '@/lib/diagnosis/types';
import { application, targetUrl } from '@/lib/diagnosis/view';
import type { TlsAnswer } from '@/lib/probe/types';
import { cmd, join } from '@/lib/shell/script';
import { quoteOutside } from '@/lib/text/outside';

/** OpenSSL's reasons that mean "no trusted authority vouches for this certificate". */
const CURL_AUTHORITY: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_GET_ISSUER_CERT: 'unable to get issuer certificate',
};
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const NAME_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

/** The placeholder for the certificate file: only the person knows which file their server loads. */
const CERT_FILE = 'cert.pem';

/** What the certificate says about itself, quoted: it is the server's text. */
function certificateFacts(tls: TlsAnswer): string {
  const parts = [
    tls.subject ? `issued to ${quoteOutside(tls.subject)}` : 'with no subject name',
    tls.issuer ? `by ${quoteOutside(tls.issuer)}${tls.selfSigned ? ' (itself: self-signed)' : ''}` : null,
    tls.altNames && tls.altNames.length > 0
      ? `names ${tls.altNames.map((n) => quoteOutside(n)).join(', ')}`
      : tls.altNames
        ? 'no subjectAltName'
        : null,
    tls.validFrom || tls.validTo
      ? `valid ${tls.validFrom ? `from ${quoteOutside(tls.validFrom)} ` : ''}${tls.validTo ? `until ${quoteOutside(tls.validTo)}` : ''}`.trim()
      : null,
    tls.authorizationError ? `Node reports ${quoteOutside(tls.authorizationError)}` : null,
  ];
  return `The certificate is ${parts.filter(Boolean).join('; ')}.`;
}

/** Outside the certificate's validity window at the time the facts were gathered. */
function dateProblem(tls: TlsAnswer, now: number): 'expired' | 'not-yet-valid' | null {
  if (tls.authorizationError === 'CERT_HAS_EXPIRED') return 'expired';
  if (tls.authorizationError === 'CERT_NOT_YET_VALID') return 'not-yet-valid';
  const to = tls.validTo ? Date.parse(tls.validTo) : NaN;
  const from = tls.validFrom ? Date.parse(tls.validFrom) : NaN;
  if (!Number.isNaN(to) && to < now) return 'expired';
  if (!Number.isNaN(from) && from > now) return 'not-yet-valid';
  return null;
}

function isUntrusted(tls: TlsAnswer): boolean {
  const code = tls.authorizationError;
  if (tls.selfSigned) return true;
  return code !== null && !DATE_ERRORS.has(code) && !NAME_ERRORS.has(code);
}

function testFix(facts: Facts): Fix[] {
  return everywhereFixes(
    'Test it, accepting the certificate anyway (-k)',
    cmd('curl', '-vk', targetUrl(facts, 'https')),
  );
}

/** A local CA the browser trusts, and a certificate from it for every name localhost goes by. */
function mkcertFixes(): Fix[] {
  return [
    ...everywhereFixes('Install a local CA with mkcert (once)', cmd('mkcert', '-install')),
    ...everywhereFixes(
      'Make a trusted certificate for localhost, then point the server at the two files it writes',
      cmd('mkcert', 'localhost', '127.0.0.1', '::1'),
    ),
  ];
}

/** Trusting this very certificate: the file the server loads (cert.pem here) goes into the OS's store. */
function trustFixes(): Fix[] {
  const label = `Or trust this certificate (${CERT_FILE} = the certificate file your server uses)`;
  return [
    shellFix(
      'linux',
      label,
      join(
        '&&',
        cmd('sudo', 'cp', CERT_FILE, '/usr/local/share/ca-certificates/localhost-dev.crt'),
        cmd('sudo', 'update-ca-certificates'),
      ),
    ),
    shellFix(
      'darwin',
      label,
      cmd(
        'sudo',
        'security',
        'add-trusted-cert',
        '-d',
        '-r',
        'trustRoot',
        '-k',
        '/Library/Keychains/System.keychain',
        CERT_FILE,
      ),
    ),
    shellFix(
      'win32',
      label,
      cmd('Import-Certificate', '-FilePath', CERT_FILE, '-CertStoreLocation', 'Cert:\\CurrentUser\\Root'),
      'powershell',
    ),
  ];
}

/**
 * https:// to a server whose certificate a browser will not accept: it works (curl -k, "Proceed anyway"),
 * but the browser shows a full-page warning and curl fails, so "open it" alone would mislead.
 */
export const tlsUntrusted = defineCheck(
  { 'tls-untrusted': 205, 'tls-name-mismatch': 206, 'tls-expired': 207 },
  (facts) => {
    const app = application(facts);
    const tls = app?.tls;
    if (!app || !tls || (app.kind !== 'https' && app.kind !== 'tls') || facts.target.scheme !== 'https')
      return [];
    const display = facts.target.display;
    const known = certificateFacts(tls);
    const url = targetUrl(facts, 'https');
    const findings = [];
    if (isUntrusted(tls)) {
      const code = tls.authorizationError ?? 'DEPTH_ZERO_SELF_SIGNED_CERT';
      const curlSays = CURL_AUTHORITY[code] ?? 'unable to get local issuer certificate';
      findings.push({
        id: 'tls-untrusted' as const,
        severity: 'warning' as const,
        step: 'open' as const,
        title: `The certificate of ${display} is not trusted: the browser will warn before showing it`,
        detail: `${known} No certificate authority your system trusts signed it. Chromium shows "Your connection is not private" (NET::ERR_CERT_AUTHORITY_INVALID), and curl ${url} fails with "curl: (60) SSL certificate problem: ${curlSays}". For local development, make a certificate from a local CA (mkcert) or trust this one.`,
        fixes: [...testFix(facts), ...mkcertFixes(), ...trustFixes()],
        lesson: 'http' as const,
      });
    }
    const mismatch =
      tls.nameMismatch ??
      (tls.authorizationError && NAME_ERRORS.has(tls.authorizationError) ? tls.authorizationError : null);
    if (mismatch) {
      const host = tls.checkedHost ?? facts.target.host;
      findings.push({
        id: 'tls-name-mismatch' as const,
        severity: 'warning' as const,
        step: 'open' as const,
        title: `The certificate of ${display} does not name ${host}`,
        detail: `${known} You typed ${host}, which the certificate does not list (${quoteOutside(mismatch)}). Chromium shows NET::ERR_CERT_COMMON_NAME_INVALID (it reads only subjectAltName, never the CN), and curl fails with "curl: (60) SSL: no alternative certificate subject name matches target host name '${host}'". Open it by a name the certificate lists, or make one that lists every name you use.`,
        fixes: [...testFix(facts), ...mkcertFixes()],
        lesson: 'http' as const,
      });
    }
    // No subjectAltName at all: Node and curl still match the CN, browsers have not since 2017.
    const cnOnly =
      !mismatch && tls.altNames !== undefined && tls.altNames.length === 0 && tls.subject !== null;
    if (cnOnly) {
      const host = tls.checkedHost ?? facts.target.host;
      findings.push({
        id: 'tls-name-mismatch' as const,
        severity: 'warning' as const,
        step: 'open' as const,
        title: `The certificate of ${display} names ${host} only as its Common Name, which browsers ignore`,
        detail: `${known} It lists no subjectAltName: Chromium (since Chrome 58) and Firefox read only subjectAltName, never the CN, so they show NET::ERR_CERT_COMMON_NAME_INVALID for ${host}, although curl and Node still accept the CN — curl working does not mean the browser will. Make a certificate that lists every name you use in subjectAltName (mkcert does).`,
        fixes: [...testFix(facts), ...mkcertFixes()],
        lesson: 'http' as const,
      });
    }
    const dates = dateProblem(tls, Date.parse(facts.gatheredAt));
    if (dates) {
      const expired = dates === 'expired';
      findings.push({
        id: 'tls-expired' as const,
        severity: 'warning' as const,
        step: 'open' as const,
        title: `The certificate of ${display} ${expired ? 'has expired' : 'is not valid yet'}`,
        detail: `${known} ${expired ? 'Its validity ended' : 'Its validity has not begun'} (checked at ${facts.gatheredAt}; a wrong system clock causes this too). Chromium shows NET::ERR_CERT_DATE_INVALID, and curl fails with "curl: (60) SSL certificate problem: ${expired ? 'certificate has expired' : 'certificate is not yet valid'}". Make a new certificate.`,
        fixes: [...testFix(facts), ...mkcertFixes()],
        lesson: 'http' as const,
      });
    }
    return findings;
  },
);
