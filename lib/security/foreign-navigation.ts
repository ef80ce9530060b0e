import { isSameOrigin } from '@/lib/security/origin';

/** What a browser sends for a navigation this app started (a link, the home form) or its user typed. */
const OWN_OR_TYPED = new Set(['same-origin', 'none']);

interface HeaderReader {
  get(name: string): string | null;
}

/**
 * True when another site's page sent the browser here (a link, `location.href`, a form): the page must then
 * wait for its user's click before it probes anything, or any web page could make the doctor send a request
 * with a path of its choosing to a local service. `same-site` counts as foreign: another port of localhost
 * is the same site but another origin. Without Sec-Fetch-Site (not a browser, or a very old one) only a
 * Referer or Origin of another origin makes it foreign; the app's own pages send no Referer at all.
 */
export function openedFromAnotherSite(headers: HeaderReader): boolean {
  const host = headers.get('host');
  const site = headers.get('sec-fetch-site');
  if (site !== null && !OWN_OR_TYPED.has(site.trim().toLowerCase())) return true;
  const referer = headers.get('referer');
  if (referer && !isSameOrigin(originOf(referer), host)) return true;
  const origin = headers.get('origin');
  return origin !== null && !isSameOrigin(origin, host);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
