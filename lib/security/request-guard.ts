import { isHostAllowed } from '@/lib/security/host-header';
import { isSameOrigin, isWriteMethod } from '@/lib/security/origin';
import { tokenAccepted } from '@/lib/security/access-token';

export interface GuardRefusal {
  status: 400 | 401 | 403;
  code: 'host-not-allowed' | 'origin-not-allowed' | 'cross-site-request' | 'token-required' | 'bad-request';
  message: string;
}

export interface GuardRequest {
  method: string;
  headers: Headers;
  url: string;
}

/** Sec-Fetch-Site values a browser sends for this app's own pages (same-origin) or the user's own typing (none). */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/** The path as routing sees it, decoded and with repeated slashes folded; null when the URL does not parse. */
function pathOf(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as it is: the check below still sees the literal prefix.
  }
  return path.replace(/\/{2,}/g, '/');
}

/** True for /api and everything under it; a URL that cannot be read counts as API (the stricter rules). */
export function isApiPath(url: string): boolean {
  const path = pathOf(url);
  return path === null || path === '/api' || path.startsWith('/api/');
}

/**
 * The request checks shared by proxy.ts and every route handler (never trust one layer alone): a loopback
 * Host header; the access token when one is configured; for writes an Origin equal to the app's own; and
 * for /api, nothing another site's page made the browser send — a `Sec-Fetch-Site` other than same-origin
 * or none, or an `Origin` that is not this app. Requests without those headers (curl, scripts, the CLI's
 * kind of client) are not from a browser page and pass. Pages are left to navigations from anywhere.
 *
 * `api` says whether the request is an API call; route handlers pass true, the proxy lets the path decide.
 * Never throws: anything unreadable is a refusal.
 */
export function guardRequest(req: GuardRequest, options: { api?: boolean } = {}): GuardRefusal | null {
  try {
    return check(req, options.api ?? isApiPath(req.url));
  } catch {
    return {
      status: 400,
      code: 'bad-request',
      message: 'The request could not be read (malformed URL or headers).',
    };
  }
}

function check(req: GuardRequest, api: boolean): GuardRefusal | null {
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
  const origin = req.headers.get('origin');
  if (isWriteMethod(req.method) && !isSameOrigin(origin, host)) {
    return {
      status: 403,
      code: 'origin-not-allowed',
      message:
        'Changes are only accepted from Localhost Doctor\u2019s own pages (the Origin header must be this app).',
    };
  }
  if (!api) return null;
  const site = req.headers.get('sec-fetch-site');
  if (site !== null && !OWN_FETCH_SITES.has(site.trim().toLowerCase())) {
    return {
      status: 403,
      code: 'cross-site-request',
      message: `The API answers only Localhost Doctor\u2019s own pages and clients that are not a browser page: this request came from another site (Sec-Fetch-Site: ${site.slice(0, 40)}).`,
    };
  }
  if (origin !== null && !isSameOrigin(origin, host)) {
    return {
      status: 403,
      code: 'cross-site-request',
      message:
        'The API answers only Localhost Doctor\u2019s own pages and clients that are not a browser page: this request came from another origin (the Origin header is not this app).',
    };
  }
  return null;
}
