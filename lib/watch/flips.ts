/** A change of state between two consecutive samples; the first sample opens the record (from: null). */
export interface Flip {
  at: string;
  from: 'up' | 'down' | null;
  to: 'up' | 'down';
  /** Why it went down (the sample's error), when it did. */
  error: string | null;
}

/** Flips of a watch, derived from its samples in any order; returned oldest first. */
export function flipsOf(samples: readonly { at: string; up: boolean; error?: string | null }[]): Flip[] {
  const sorted = [...samples].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const flips: Flip[] = [];
  let prev: 'up' | 'down' | null = null;
  for (const s of sorted) {
    const state = s.up ? 'up' : 'down';
    if (state !== prev)
      flips.push({ at: s.at, from: prev, to: state, error: s.up ? null : (s.error ?? null) });
    prev = state;
  }
  return flips;
}
