import type { IncomingMessage, ServerResponse } from 'node:http';
import { appOwner, judgePeer, type AppOwner } from '@/lib/server/owner';
import { peerOf, type Peer } from '@/lib/server/peer-identity';
import { refuse } from '@/lib/server/refuse';
import { guardRequest } from '@/lib/security/request-guard';
import { STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { allowedMethods, isApi, pathDecodes, pathOf } from '@/lib/server/request-shape';

/** The header that carries the trusted peer identity to the app (the rate limiter's key). */
export const PEER_HEADER = 'x-ld-peer';

/**
 * Headers a client could use to pass as someone else. The gate removes every client-sent copy and sets
 * x-forwarded-for and x-ld-peer from the socket itself; Next fills x-forwarded-host/-proto/-port from the
 * real request when they are absent.
 */
const UNTRUSTED_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  PEER_HEADER,
];

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    } catch {
      // A header value fetch's Headers will not hold: the guard treats what is left.
    }
  }
  return headers;
}

function peerVerdict(owner: AppOwner, peer: Peer, tokenConfigured: boolean) {
  if (peer.kind !== 'remote') return judgePeer(owner, peer);
  // Another machine has no local uid: ACCESS_TOKEN (checked by the proxy and every route) is then the proof.
  if (tokenConfigured) return { ok: true as const, key: `addr:${peer.address.slice(0, 64)}` };
  return {
    ok: false as const,
    code: 'peer-unknown' as const,
    message:
      'Localhost Doctor answers only its own user on this machine, and no ACCESS_TOKEN is set for other machines.',
  };
}

/**
 * In front of Next, for every request: who the peer is (only the app's owner and root pass), a path that
 * decodes, a method some route answers; then the forwarding headers are replaced by what the socket says.
 * Resolves true when the request may go on to Next; otherwise the refusal has been sent.
 */
export function createGate(env: Record<string, string | undefined> = process.env) {
  const owner = appOwner(env);
  const tokenConfigured = Boolean(env.ACCESS_TOKEN);
  return async function gate(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = pathOf(req.url ?? '');
    const api = isApi(path);
    const head = req.method === 'HEAD';
    const verdict = peerVerdict(owner, await peerOf(req.socket), tokenConfigured);
    if (!verdict.ok) {
      // JSON for every path, like the proxy's refusals: the caller may be a script as well as a browser.
      refuse(res, 403, verdict.code, verdict.message, { api: true, head });
      return false;
    }
    if (path === null || !pathDecodes(path)) {
      refuse(
        res,
        400,
        'bad-request',
        'The request path is malformed (a % that is not followed by two hex digits, or not a path).',
        {
          api,
          head,
        },
      );
      return false;
    }
    const method = req.method ?? '';
    const allowed = allowedMethods(path);
    if (!allowed.includes(method)) {
      // The request guard first (a write without this app's Origin stays a 403, rule 3), then the 405.
      const refusal = guardRequest({ method, headers: headersOf(req), url: `http://gate.invalid${req.url}` });
      if (refusal) refuse(res, refusal.status, refusal.code, refusal.message, { api: true, head });
      else
        refuse(
          res,
          405,
          'method-not-allowed',
          `This address does not answer that method (allowed: ${allowed.join(', ')}).`,
          { api, head, headers: { Allow: allowed.join(', ') } },
        );
      return false;
    }
    // Answers Next gives before the proxy runs (its trailing-slash redirect) carry these too; the proxy
    // sets the same values, and the CSP, on everything else.
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(name, value);
    for (const name of UNTRUSTED_HEADERS) delete req.headers[name];
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    req.headers[PEER_HEADER] = verdict.key;
    return true;
  };
}
