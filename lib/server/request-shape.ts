/**
 * What the custom server checks about a request's shape before Next sees it: a path that decodes (Next
 * answers an undecodable `%` with a bare 500) and a method some route answers.
 */

/** The path of a request target ('/a/b?c' → '/a/b'); null when it is not an origin-form path. */
export function pathOf(target: string): string | null {
  if (!target.startsWith('/')) return null;
  const q = target.search(/[?#]/);
  return q < 0 ? target : target.slice(0, q);
}

/** True when every %-escape of the path decodes (as Next's router will try to). */
export function pathDecodes(path: string): boolean {
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export function isApi(path: string | null): boolean {
  if (path === null) return true;
  const p = path.replace(/\/{2,}/g, '/');
  return p === '/api' || p.startsWith('/api/');
}

/**
 * The methods a path answers: the one write (stopping a process) is POST; every other API route and every
 * page or asset is GET/HEAD. OPTIONS goes on everywhere, so the proxy's guard still answers another site's
 * preflight with its 403 and Next answers the rest.
 */
export function allowedMethods(path: string): readonly string[] {
  return /^\/api\/processes\/[^/]+\/stop\/?$/.test(path.replace(/\/{2,}/g, '/'))
    ? ['POST', 'OPTIONS']
    : ['GET', 'HEAD', 'OPTIONS'];
}
