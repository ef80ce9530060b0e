import 'server-only';
import { isObject, nftJsonOf, type Json, type JsonObject } from '@/lib/host/firewall/nft-expr';

/*
 * nft's own wording of a rule ("iif "lo" tcp dport 8080 reject", as its author wrote it) comes from a
 * second listing, `nft -a list ruleset`: a second process, about half of a diagnosis on a host with rules.
 * That wording is a function of the rule's content, and the JSON listing (read afresh every time) holds
 * the content in full. So the wording is remembered:
 * - per content: while every rule and chain in the fresh JSON has been seen before exactly as it is now,
 *   the text listing is not run. `nft replace rule` keeps the handle, so the whole JSON is in the key.
 * - per shape: a rule that differs from a worded one only in the values it matches (a port, an address,
 *   an interface name) or its counters is worded by putting its values where the old ones stood, but
 *   only when each old value stands exactly once, as a whole word, in the old wording; anything else
 *   (a set, a value nft prints differently, a value that occurs twice) runs the listing.
 * Entries are forgotten after a while, so a wording ever paired with the wrong content (a rule replaced
 * between the two listings) does not outlive that.
 */

/** Where a wording is looked up, as indexNftText keys it: family|table|chain[|handle]. */
export type WordingPlace = string;

export interface WordingKey {
  /** The place, the table's handle (a table deleted and made again is new) and the entry's whole JSON. */
  content: string;
  /** Rules only: the JSON with the values it matches and its counters blanked, and those values in order. */
  shape: { key: string; values: (string | number)[] } | null;
}

const MAX_ENTRIES = 10_000;
const KEEP_MS = 10 * 60_000;
const IP_FAMILIES = new Set(['ip', 'ip6', 'inet']);

const str = (v: Json | undefined) => (typeof v === 'string' ? v : String(v ?? ''));

/** A matched value with its primitives blanked (a prefix's address and length, a range's ends); sets stay. */
function blankValue(v: Json, values: (string | number)[]): Json {
  if (typeof v === 'number' || typeof v === 'string') {
    values.push(v);
    return typeof v === 'number' ? '#number' : '#string';
  }
  if (isObject(v) && isObject(v.prefix) && Object.keys(v).length === 1) {
    const { addr, len } = v.prefix;
    if ((typeof addr === 'string' || typeof addr === 'number') && typeof len === 'number')
      return { prefix: { addr: blankValue(addr, values), len: blankValue(len, values) } };
  }
  if (isObject(v) && Array.isArray(v.range) && v.range.length === 2 && Object.keys(v).length === 1) {
    if (v.range.every((e) => typeof e === 'number' || typeof e === 'string'))
      return { range: v.range.map((e) => blankValue(e, values)) };
  }
  return v;
}

function ruleShape(rule: JsonObject): WordingKey['shape'] {
  if (!Array.isArray(rule.expr)) return null;
  const values: (string | number)[] = [];
  const expr = rule.expr.map((e): Json => {
    if (isObject(e) && isObject(e.match) && e.match.right !== undefined)
      return { match: { ...e.match, right: blankValue(e.match.right, values) } };
    if (isObject(e) && isObject(e.counter) && typeof e.counter.packets === 'number') {
      const counter: JsonObject = { ...e.counter };
      for (const k of ['packets', 'bytes'])
        if (typeof counter[k] === 'number') counter[k] = blankValue(counter[k], values);
      return { counter };
    }
    return e;
  });
  const rest: JsonObject = { ...rule, expr };
  delete rest.handle;
  return { key: JSON.stringify(rest), values };
}

/**
 * Every rule and base chain of the IP families in a `nft -j list ruleset` answer, by place. Null for an
 * answer that is not nft JSON.
 */
export function wordingKeys(json: string | Json): Map<WordingPlace, WordingKey> | null {
  const parsed = nftJsonOf(json);
  if (!isObject(parsed) || !Array.isArray(parsed.nftables)) return null;
  const tableHandles = new Map<string, string>();
  const keys = new Map<WordingPlace, WordingKey>();
  for (const item of parsed.nftables) {
    if (!isObject(item)) continue;
    const t = item.table;
    if (isObject(t)) tableHandles.set(`${str(t.family)}|${str(t.name)}`, str(t.handle));
    const r = item.rule;
    const c = item.chain;
    const entry = isObject(r) ? r : isObject(c) && c.hook !== undefined ? c : null;
    if (!entry || !IP_FAMILIES.has(str(entry.family))) continue;
    const table = `${str(entry.family)}|${str(entry.table)}`;
    const place = isObject(r)
      ? `${table}|${str(r.chain)}|${typeof r.handle === 'number' ? r.handle : -1}`
      : `${table}|${str(entry.name)}`;
    const content = `${place}|${tableHandles.get(table) ?? ''}|${JSON.stringify(entry)}`;
    keys.set(place, { content, shape: isObject(r) ? ruleShape(r) : null });
  }
  return keys;
}

const BOUNDARY = `\\s"{},/-`;
// The backslash first: after BOUNDARY's closing '-' it would open a range.
const WORD = new RegExp(`^[^\\\\${BOUNDARY}]+$`);
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The wording of a rule worded `text` when its values were `from`, now that they are `to`: each changed
 * value must be one word standing exactly once in `text` and shared with no unchanged value; else null.
 */
export function substituteValues(
  text: string,
  from: readonly (string | number)[],
  to: readonly (string | number)[],
): string | null {
  if (from.length !== to.length) return null;
  const changes = new Map<string, string>();
  for (let i = 0; i < from.length; i++) {
    const [a, b] = [String(from[i]), String(to[i])];
    if (a === b) continue;
    if (!WORD.test(a) || !WORD.test(b) || (changes.has(a) && changes.get(a) !== b)) return null;
    changes.set(a, b);
  }
  if (changes.size === 0) return text;
  for (let i = 0; i < from.length; i++) {
    if (String(from[i]) === String(to[i]) && changes.has(String(from[i]))) return null;
  }
  const pattern = new RegExp(
    `(^|[${BOUNDARY}])(${[...changes.keys()].map(escapeRegExp).join('|')})(?=$|[${BOUNDARY}])`,
    'g',
  );
  const seen = new Map<string, number>();
  for (const m of text.matchAll(pattern)) seen.set(m[2]!, (seen.get(m[2]!) ?? 0) + 1);
  if ([...changes.keys()].some((a) => seen.get(a) !== 1)) return null;
  return text.replace(pattern, (_m, before: string, word: string) => before + changes.get(word)!);
}

export interface WordingMemory {
  /** The wording of every place, when each one's content or shape was worded before; null when any is new. */
  recall(keys: Map<WordingPlace, WordingKey>, now?: number): Map<WordingPlace, string> | null;
  /** Files the wordings a text listing just gave for the contents of the JSON read before it. */
  learn(keys: Map<WordingPlace, WordingKey>, wording: Map<WordingPlace, string>, now?: number): void;
}

export function wordingMemory(): WordingMemory {
  // null: the listing had no wording for it (the rule is then rendered from the JSON, as without memory).
  const known = new Map<string, { text: string | null; at: number }>();
  const shapes = new Map<string, { text: string; values: (string | number)[]; at: number }>();
  const fresh = (at: number, now: number) => now - at <= KEEP_MS;
  return {
    recall(keys, now = Date.now()) {
      const found = new Map<WordingPlace, string>();
      for (const [place, { content, shape }] of keys) {
        const entry = known.get(content);
        if (entry && fresh(entry.at, now)) {
          if (entry.text !== null) found.set(place, entry.text);
          continue;
        }
        const like = shape ? shapes.get(shape.key) : undefined;
        const text =
          like && fresh(like.at, now) ? substituteValues(like.text, like.values, shape!.values) : null;
        if (text === null) return null;
        found.set(place, text);
      }
      return found;
    },
    learn(keys, wording, now = Date.now()) {
      if (known.size + keys.size > MAX_ENTRIES) known.clear();
      if (shapes.size + keys.size > MAX_ENTRIES) shapes.clear();
      for (const [place, { content, shape }] of keys) {
        const text = wording.get(place) ?? null;
        known.set(content, { text, at: now });
        if (shape && text !== null) shapes.set(shape.key, { text, values: shape.values, at: now });
      }
    },
  };
}
