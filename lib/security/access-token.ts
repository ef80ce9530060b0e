/** When ACCESS_TOKEN is set (needed to listen beyond loopback), every request must carry it. */
export const TOKEN_COOKIE = 'ld_token';

function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function cookieValue(cookieHeader: string | null, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The token a request presents: `Authorization: Bearer …`, the cookie, or `?token=` (first visit). */
export function presentedToken(headers: Headers, url: string): string | null {
  const auth = headers.get('authorization');
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = cookieValue(headers.get('cookie'), TOKEN_COOKIE);
  if (cookie) return cookie;
  try {
    return new URL(url).searchParams.get('token');
  } catch {
    return null;
  }
}

export function tokenAccepted(headers: Headers, url: string, expected = process.env.ACCESS_TOKEN): boolean {
  if (!expected) return true;
  const given = presentedToken(headers, url);
  return given !== null && timingSafeEqual(given, expected);
}
