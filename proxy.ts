import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { guardRequest } from '@/lib/security/request-guard';
import { TOKEN_COOKIE } from '@/lib/security/access-token';

/**
 * Before routing: refuse foreign Host headers (DNS rebinding), cross-site writes and requests without the
 * access token (when one is configured); then put the security headers on every answer. The route handlers
 * run the same guard again, so a bypass of this layer alone opens nothing.
 */
export function proxy(request: NextRequest) {
  const refusal = guardRequest(request);
  if (refusal) {
    const res = NextResponse.json(
      { error: { code: refusal.code, message: refusal.message } },
      { status: refusal.status },
    );
    for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
    res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    return res;
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  const token = request.nextUrl.searchParams.get('token');
  if (process.env.ACCESS_TOKEN && token) {
    // First visit with ?token=: remember it so the page's own API calls carry it.
    res.cookies.set(TOKEN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/' });
  }
  return res;
}

export const config = {
  // Every path, static assets included: a rebinding page must not even get our JavaScript.
  matcher: '/:path*',
};
