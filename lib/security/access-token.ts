import { createHmac, timingSafeEqual as bytesEqual } from 'node:crypto';

/**
 * When ACCESS_TOKEN is set (needed to listen beyond loopback), every request must carry it.
 *
 * The cookie never holds the token itself: browsers send a host's cookies to every port of that host, so
 * every other web service reachable under the same name would receive it. It holds a value derived from the
 * token (HMAC-SHA256 of a fixed label, keyed by the token), which opens this app and nothing else and from
 * which the token cannot be recovered. proxy.ts runs in Next's Node.js proxy runtime (the only runtime Next 16
 * offers for proxy.ts), so node:crypto is available there as in the route handlers.
 */
export const TOKEN_COOKIE = 'ld_token';
const COOKIE_LABEL = 'localhost-doctor/ld_token/v1';

/** Constant-time comparison of two strings (their lengths are not secret: a token has one length). */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && bytesEqual(x, y);
}

let memo: { token: string; value: string } | null = null;

/** What the `ld_token` cookie holds for this token: base64url(HMAC-SHA256(key = token, COOKIE_LABEL)). */
export function cookieValueFor(token: string): string {
  if (memo?.token !== token)
    memo = { token, value: createHmac('sha256', token).update(COOKIE_LABEL).digest('base64url') };
  return memo.value;
}

/** Every value of cookie `name` (another service on the same host may have set one too); never throws. */
export function cookieValues(cookieHeader: string | null, name: string): string[] {
  const out: string[] = [];
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out.push(decodeURIComponent(raw));
    } catch {
      out.push(raw); // a malformed escape is just a value that matches nothing
    }
  }
  return out;
}

/** The `?token=` value of a URL, or null (also for a URL that does not parse). */
export function queryToken(url: string): string | null {
  try {
    return new URL(url).searchParams.get('token');
  } catch {
    return null;
  }
}

export interface TokenCheck {
  accepted: boolean;
  /** The `?token=` parameter itself carried the token: the proxy then sets the cookie and drops the parameter. */
  viaQuery: boolean;
}

/**
 * Whether the request proves it knows the token: `Authorization: Bearer <token>`, the derived value in the
 * `ld_token` cookie, or `?token=<token>`. Any one valid proof is enough; a malformed or wrong value is the
 * same as none. Never throws.
 */
export function checkToken(headers: Headers, url: string, expected = process.env.ACCESS_TOKEN): TokenCheck {
  if (!expected) return { accepted: true, viaQuery: false };
  const viaQuery = (() => {
    const q = queryToken(url);
    return q !== null && same(q, expected);
  })();
  if (viaQuery) return { accepted: true, viaQuery };
  const auth = headers.get('authorization');
  if (auth && /^bearer /i.test(auth) && same(auth.slice(7).trim(), expected))
    return { accepted: true, viaQuery };
  const derived = cookieValueFor(expected);
  const cookieOk = cookieValues(headers.get('cookie'), TOKEN_COOKIE).some((v) => same(v, derived));
  return { accepted: cookieOk, viaQuery };
}

export function tokenAccepted(headers: Headers, url: string, expected = process.env.ACCESS_TOKEN): boolean {
  return checkToken(headers, url, expected).accepted;
}
