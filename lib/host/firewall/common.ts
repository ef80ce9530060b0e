import 'server-only';
import type { PortMatch, PortRange, RuleMatch } from '@/lib/host/firewall/types';

/** A match with no conditions; parsers fill in what a rule states. */
export function emptyMatch(): RuleMatch {
  return {
    protocol: null,
    dports: null,
    sports: null,
    inInterface: null,
    outInterface: null,
    source: null,
    destination: null,
    ctStates: null,
    unknown: [],
  };
}

/**
 * Port lists as the tools print them: "5000", "8000:8010" (iptables, ufw, pf), "8000-8010" (nft, Windows,
 * firewalld), comma-separated. Returns null when any part is not a port (a service name like "ssh"), so a
 * caller never matches on half a list.
 */
export function parsePortList(text: string): PortRange[] | null {
  const ranges: PortRange[] = [];
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = part.match(/^(\d{1,5})(?:\s*[:-]\s*(\d{1,5}))?$/);
    if (!m) return null;
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    if (low > 65535 || high > 65535 || high < low) return null;
    ranges.push({ low, high });
  }
  return ranges.length > 0 ? ranges : null;
}

export function portMatch(text: string, negated = false): PortMatch | null {
  const ranges = parsePortList(text);
  return ranges ? { ranges, negated } : null;
}

export function describePorts(ranges: PortRange[]): string {
  return ranges.map((r) => (r.low === r.high ? String(r.low) : `${r.low}-${r.high}`)).join(', ');
}

/**
 * One word of an iptables-save line as the argument it stands for: iptables-save puts a string with spaces in
 * double quotes and escapes `"` and `\\` inside it with a backslash.
 */
export function unquoteSaved(word: string): string {
  if (word.length < 2 || !word.startsWith('"') || !word.endsWith('"')) return word;
  return word.slice(1, -1).replace(/\\(.)/gs, '$1');
}

/** Strips one level of double quotes as iptables-save, netsh and pf print them. */
export function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}

/**
 * Splits a rule line into words the way the tool wrote it: whitespace separates, and a double-quoted
 * string ("no dev servers") is one word, quotes kept so the text can be re-used in a command verbatim.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|\S+/g;
  for (const m of line.matchAll(re)) words.push(m[0]);
  return words;
}
