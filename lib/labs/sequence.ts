/**
 * `/labs?set=a,b,c`: a teacher's sequence of labs, in their order. Unknown ids are reported, not dropped
 * silently, so a typo in a shared link is visible; repeats are kept once.
 */
export function parseLabSet(
  raw: string | string[] | undefined,
  known: readonly string[],
): { ids: string[]; unknown: string[] } | null {
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  if (text === undefined || text.trim() === '') return null;
  const wanted = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 50);
  const ids = wanted.filter((id, i) => known.includes(id) && wanted.indexOf(id) === i);
  const unknown = wanted.filter((id) => !known.includes(id));
  return { ids, unknown };
}
