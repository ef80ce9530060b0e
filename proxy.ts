import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { guardRequest } from '@/lib/security/request-guard';
import { checkToken, cookieValueFor, TOKEN_COOKIE } from '@/lib/security/access-token';

function withStaticHeaders<T extends NextResponse>(res: T): T {
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  return res;
}

function refuse(status: number, code: string, message: string): NextResponse {
  const res = withStaticHeaders(NextResponse.json({ error: { code, message } }, { status }));
  res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.headers.set('Cache-Control', 'no-store');
  return res;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A `?token=<ACCESS_TOKEN>` visit: remember a value derived from the token in an HttpOnly, SameSite=Strict
 * cookie (never the token: cookies reach every port of the host) and send the browser to the same URL
 * without the parameter, so the token does not stay in its history or address bar.
 *
 * Usually a 303. Next insists on an absolute Location (a relative one is a 500 after the proxy returns); the
 * host in it is the Host header the guard has just accepted. But when another site started the navigation
 * (a ?token= link clicked in a web chat: Sec-Fetch-Site cross-site or same-site), browsers withhold
 * SameSite=Strict cookies from every request of that navigation, redirects included, so a 303 would land
 * on a 401. Then the answer is a page that moves on by itself (meta refresh, no script): a navigation this
 * app's own page starts, which carries the cookie.
 */
function tokenVisit(request: NextRequest, token: string): NextResponse {
  const url = request.nextUrl.clone();
  url.searchParams.delete('token');
  const site = request.headers.get('sec-fetch-site')?.toLowerCase();
  const startedElsewhere = site === 'cross-site' || site === 'same-site';
  const target = `${url.pathname}${url.search}`;
  const res = startedElsewhere
    ? new NextResponse(
        `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escapeHtml(target)}"><title>Localhost Doctor</title><p>Signed in. <a href="${escapeHtml(target)}">Continue</a></p>`,
        { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
      )
    : NextResponse.redirect(url, 303);
  withStaticHeaders(res);
  res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  res.headers.set('Cache-Control', 'no-store');
  res.cookies.set(TOKEN_COOKIE, cookieValueFor(token), { httpOnly: true, sameSite: 'strict', path: '/' });
  return res;
}

/**
 * Before routing: refuse foreign Host headers (DNS rebinding), requests without the access token (when one
 * is configured), cross-site writes and any /api request another site's page made; then put the security
 * headers on every answer. The route handlers run the same guard again, so a bypass of this layer alone
 * opens nothing. Never throws (an exception here would be a 500 on every path).
 */
export function proxy(request: NextRequest) {
  try {
    const refusal = guardRequest(request);
    if (refusal) return refuse(refusal.status, refusal.code, refusal.message);
    const token = process.env.ACCESS_TOKEN;
    const method = request.method.toUpperCase();
    if (token && (method === 'GET' || method === 'HEAD') && checkToken(request.headers, request.url).viaQuery)
      return tokenVisit(request, token);
    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce);
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    const res = withStaticHeaders(NextResponse.next({ request: { headers: requestHeaders } }));
    res.headers.set('Content-Security-Policy', csp);
    return res;
  } catch {
    return refuse(400, 'bad-request', 'The request could not be read (malformed URL or headers).');
  }
}

export const config = {
  // Every path, static assets included: a rebinding page must not even get our JavaScript.
  matcher: '/:path*',
};
