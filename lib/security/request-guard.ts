import { isHostAllowed } from '@/lib/security/host-header';
import { isSameOrigin, isWriteMethod } from '@/lib/security/origin';

export interface GuardRefusal {
  status: 403;
  code: 'host-not-allowed' | 'origin-not-allowed';
  message: string;
}

/**
 * The request checks shared by proxy.ts and every route handler (never trust one layer alone):
 * a loopback Host header, and for writes an Origin equal to the app's own.
 */
export function guardRequest(req: { method: string; headers: Headers }): GuardRefusal | null {
  const host = req.headers.get('host');
  if (!isHostAllowed(host)) {
    return {
      status: 403,
      code: 'host-not-allowed',
      message: `Host "${host ?? ''}" is not a loopback name or address. Open Localhost Doctor as http://127.0.0.1:<port>/ or http://localhost:<port>/, or list the name in ALLOWED_HOSTS.`,
    };
  }
  if (isWriteMethod(req.method) && !isSameOrigin(req.headers.get('origin'), host)) {
    return {
      status: 403,
      code: 'origin-not-allowed',
      message: 'Changes are only accepted from Localhost Doctor\u2019s own pages (the Origin header must be this app).',
    };
  }
  return null;
}
