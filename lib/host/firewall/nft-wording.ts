import 'server-only';
import { isObject, type Json } from '@/lib/host/firewall/nft-expr';

/*
 * nft's own wording of a rule ("iif "lo" tcp dport 8080 reject", as its author wrote it) comes from a
 * second listing, `nft -a list ruleset`: a second process, about half of a diagnosis on a host with rules.
 * That wording is a function of the rule's content, and the JSON listing (read afresh every time) holds
 * the content in full. So the wording is remembered per content: while every rule and chain in the fresh
 * JSON has been seen before, exactly as it is now, the text listing is not run. A rule added or changed
 * (`nft replace rule` keeps the handle, so the content is in the key) is new, and the listing runs.
 * Entries are forgotten after a while, so a wording ever paired with the wrong content (a rule replaced
 * between the two listings) does not outlive that.
 */

/** Where a wording is looked up, as indexNftText keys it: family|table|chain[|handle]. */
export type WordingPlace = string;

const MAX_ENTRIES = 10_000;
const KEEP_MS = 10 * 60_000;
const IP_FAMILIES = new Set(['ip', 'ip6', 'inet']);

const str = (v: Json | undefined) => (typeof v === 'string' ? v : String(v ?? ''));

/**
 * Every rule and base chain of the IP families in a `nft -j list ruleset` answer: its place, and a key of
 * its content (the table's handle too, so a table deleted and made again is new). Null for bad JSON.
 */
export function wordingKeys(json: string): Map<WordingPlace, string> | null {
  let parsed: Json;
  try {
    parsed = JSON.parse(json) as Json;
  } catch {
    return null;
  }
  if (!isObject(parsed) || !Array.isArray(parsed.nftables)) return null;
  const tableHandles = new Map<string, string>();
  const keys = new Map<WordingPlace, string>();
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
    keys.set(place, `${place}|${tableHandles.get(table) ?? ''}|${JSON.stringify(entry)}`);
  }
  return keys;
}

export interface WordingMemory {
  /** The wording of every place, when each one's content was seen before; null when any is new. */
  recall(keys: Map<WordingPlace, string>, now?: number): Map<WordingPlace, string> | null;
  /** Files the wordings a text listing just gave for the contents of the JSON read before it. */
  learn(keys: Map<WordingPlace, string>, wording: Map<WordingPlace, string>, now?: number): void;
}

export function wordingMemory(): WordingMemory {
  // null: the listing had no wording for it (the rule is then rendered from the JSON, as without memory).
  const known = new Map<string, { text: string | null; at: number }>();
  return {
    recall(keys, now = Date.now()) {
      const found = new Map<WordingPlace, string>();
      for (const [place, content] of keys) {
        const entry = known.get(content);
        if (!entry || now - entry.at > KEEP_MS) return null;
        if (entry.text !== null) found.set(place, entry.text);
      }
      return found;
    },
    learn(keys, wording, now = Date.now()) {
      if (known.size + keys.size > MAX_ENTRIES) known.clear();
      for (const [place, content] of keys) {
        known.set(content, { text: wording.get(place) ?? null, at: now });
      }
    },
  };
}
