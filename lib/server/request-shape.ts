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

const READ = ['GET', 'HEAD'] as const;

/**
 * The routes that take more than GET/HEAD, each with every method it answers. A path not listed is a page,
 * an asset or a read-only API route. Add a route here when it takes a write, or the server answers it 405.
 */
const ROUTE_METHODS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^\/api\/processes\/[^/]+\/stop$/, ['POST']],
  [/^\/api\/watches$/, [...READ, 'POST']],
  [/^\/api\/watches\/[^/]+$/, [...READ, 'DELETE']],
  [/^\/api\/sessions$/, [...READ, 'POST']],
  [/^\/api\/sessions\/[^/]+$/, [...READ, 'DELETE']],
  // A session's timeline and its recordings: diagnoses, notes, actions, copied fixes, guide progress, record.
  [/^\/api\/sessions\/[^/]+\/[a-z-]+(?:\/[^/]+\/[a-z-]+)?$/, [...READ, 'POST']],
  [/^\/api\/reports\/import$/, ['POST']],
  [/^\/api\/labs\/[^/]+\/start$/, ['POST']],
  [/^\/api\/labs\/runs\/[^/]+\/[a-z-]+$/, ['POST']],
];

/**
 * The methods a path answers. OPTIONS goes on everywhere, so the proxy's guard still answers another site's
 * preflight with its 403 and Next answers the rest.
 */
export function allowedMethods(path: string): readonly string[] {
  const p = path.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  const route = ROUTE_METHODS.find(([pattern]) => pattern.test(p));
  return [...(route ? route[1] : READ), 'OPTIONS'];
}
