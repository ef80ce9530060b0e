import { isHostAllowed } from '@/lib/security/host-header';
import { isSameOrigin, isWriteMethod } from '@/lib/security/origin';
import { tokenAccepted } from '@/lib/security/access-token';

export interface GuardRefusal {
  status: 401 | 403;
  code: 'host-not-allowed' | 'origin-not-allowed' | 'token-required';
  message: string;
}

/**
 * The request checks shared by proxy.ts and every route handler (never trust one layer alone):
 * a loopback Host header, and for writes an Origin equal to the app's own.
 */
export function guardRequest(req: { method: string; headers: Headers; url: string }): GuardRefusal | null {
  const host = req.headers.get('host');
  if (!isHostAllowed(host)) {
    return {
      status: 403,
      code: 'host-not-allowed',
      message: `Host "${host ?? ''}" is not a loopback name or address. Open Localhost Doctor as http://127.0.0.1:<port>/ or http://localhost:<port>/, or list the name in ALLOWED_HOSTS.`,
    };
  }
  if (!tokenAccepted(req.headers, req.url)) {
    return {
      status: 401,
      code: 'token-required',
      message:
        'This Localhost Doctor needs its access token: open it once as /?token=<ACCESS_TOKEN>, or send Authorization: Bearer <ACCESS_TOKEN>.',
    };
  }
  if (isWriteMethod(req.method) && !isSameOrigin(req.headers.get('origin'), host)) {
    return {
      status: 403,
      code: 'origin-not-allowed',
      message:
        'Changes are only accepted from Localhost Doctor\u2019s own pages (the Origin header must be this app).',
    };
  }
  return null;
}
