/**
 * Editing an argv in place: replace the value of an address/port option in the form the user wrote it
 * (`--port 5173`, `--port=5173`, `-p5173`), or add it at the end; every other word stays where it was.
 */

interface OptionHit {
  index: number;
  form: 'separate' | 'equals' | 'attached' | 'bare';
}

export interface SetOptionOptions {
  /** Search from this word on (after the program word, so a launcher's own flags are never touched). */
  from: number;
  /** How to write it when the user did not: '--port'. */
  preferred: string;
  /** `vite --host` alone means "all addresses": the value may be missing and must then be inserted. */
  optionalValue?: boolean;
}

function findOption(argv: readonly string[], names: readonly string[], from: number, optionalValue: boolean) {
  const hits: OptionHit[] = [];
  for (let i = from; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--') break;
    for (const name of names) {
      if (w === name) {
        const next = argv[i + 1];
        const bare = optionalValue && (next === undefined || next.startsWith('-'));
        hits.push({ index: i, form: bare ? 'bare' : 'separate' });
        if (!bare) i++;
      } else if (w.startsWith(`${name}=`)) hits.push({ index: i, form: 'equals' });
      else if (/^-[A-Za-z]$/.test(name) && w.startsWith(name) && /^[\d[:]/.test(w.slice(2)))
        hits.push({ index: i, form: 'attached' });
      else continue;
      break;
    }
  }
  return hits;
}

/** The value words of an option, wherever the user wrote it (first occurrence), or null. */
export function optionValue(argv: readonly string[], names: readonly string[], from = 0): string | null {
  const hit = findOption(argv, names, from, true)[0];
  if (!hit) return null;
  const w = argv[hit.index]!;
  if (hit.form === 'separate') return argv[hit.index + 1] ?? null;
  if (hit.form === 'equals') return w.slice(w.indexOf('=') + 1);
  if (hit.form === 'attached') return w.slice(2);
  return null;
}

/**
 * Sets one option to `value`: the first occurrence keeps its spelling, later ones are dropped (they would
 * name a second address), and a missing option is appended.
 */
export function setOption(
  argv: readonly string[],
  names: readonly string[],
  value: string,
  o: SetOptionOptions,
) {
  const hits = findOption(argv, names, o.from, o.optionalValue ?? false);
  if (hits.length === 0) return [...argv, o.preferred, value];
  const first = hits[0]!;
  const drop = new Set<number>();
  for (const extra of hits.slice(1)) {
    drop.add(extra.index);
    if (extra.form === 'separate') drop.add(extra.index + 1);
  }
  const out: string[] = [];
  argv.forEach((w, i) => {
    if (drop.has(i)) return;
    if (i === first.index + 1 && first.form === 'separate') return void out.push(value);
    if (i !== first.index) return void out.push(w);
    if (first.form === 'equals') out.push(`${w.slice(0, w.indexOf('='))}=${value}`);
    else if (first.form === 'attached') out.push(`${w.slice(0, 2)}${value}`);
    else if (first.form === 'bare') out.push(w, value);
    else out.push(w);
  });
  return out;
}

/** Drops a flag (and its value when it takes one). */
export function removeOption(
  argv: readonly string[],
  names: readonly string[],
  from: number,
  takesValue = false,
) {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (i >= from && names.includes(w)) {
      if (takesValue) i++;
      continue;
    }
    if (i >= from && takesValue && names.some((n) => w.startsWith(`${n}=`))) continue;
    out.push(w);
  }
  return out;
}

/** Adds a flag unless one of its spellings is already there (vite --strictPort). */
export function ensureFlag(argv: readonly string[], spellings: readonly string[], from: number) {
  return argv.slice(from).some((w) => spellings.includes(w)) ? [...argv] : [...argv, spellings[0]!];
}

/**
 * Index of the first positional word from `from` on, skipping options and the values of those in
 * `valueOptions`; -1 when there is none.
 */
export function firstPositional(argv: readonly string[], from: number, valueOptions: readonly string[]) {
  for (let i = from; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--') return i + 1 < argv.length ? i + 1 : -1;
    if (w.startsWith('-')) {
      if (valueOptions.includes(w)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

export function replaceAt(argv: readonly string[], index: number, value: string) {
  const out = [...argv];
  out[index] = value;
  return out;
}

export function insertAt(argv: readonly string[], index: number, ...words: string[]) {
  return [...argv.slice(0, index), ...words, ...argv.slice(index)];
}
