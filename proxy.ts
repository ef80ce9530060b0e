import { NextResponse, type NextRequest } from 'next/server';
import { guardRequest } from '@/lib/security/request-guard';

/** First line of defence, before routing: foreign Host headers (DNS rebinding) and cross-site writes. */
export function proxy(request: NextRequest) {
  const refusal = guardRequest(request);
  if (refusal) {
    return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
  }
  return NextResponse.next();
}

export const config = {
  // Every path, static assets included: a rebinding page must not even get our JavaScript.
  matcher: '/:path*',
};
