import 'server-only';
import { emptyMatch, parsePortList } from '@/lib/host/firewall/common';
import type { FirewallRule, PortMatch, RuleAction, RuleMatch } from '@/lib/host/firewall/types';

/** macOS (and BSD) packet filter: status, loaded rules, and the interfaces it skips. */
export const PF_INFO_ARGS = ['-s', 'info'];
export const PF_RULES_ARGS = ['-s', 'rules'];
export const PF_INTERFACES_ARGS = ['-s', 'Interfaces', '-v'];

/** `pfctl -s info`: "Status: Enabled for 0 days 01:02:03". */
export function parsePfEnabled(text: string): boolean | null {
  const m = text.match(/^Status:\s+(Enabled|Disabled)/m);
  return m ? m[1] === 'Enabled' : null;
}

/** `pfctl -s Interfaces -v`: "lo0 (skip)" for every interface `set skip on` exempts. */
export function parsePfSkipped(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().match(/^(\S+)\s+\(skip\)/)?.[1])
    .filter((n): n is string => Boolean(n));
}

/** "port = 5000", "port 8000:8010", "port 8000 >< 8010", "port > 1023", "port != 22" → a PortMatch. */
function pfPorts(op: string | undefined, a: string, b: string | undefined): PortMatch | null {
  const n = Number(a);
  if (b !== undefined && op === ':') return { ranges: [{ low: n, high: Number(b) }], negated: false };
  if (b !== undefined && op === '><')
    return { ranges: [{ low: n + 1, high: Number(b) - 1 }], negated: false };
  if (b !== undefined && op === '<>') return { ranges: [{ low: n, high: Number(b) }], negated: true };
  if (op === '!=') return { ranges: [{ low: n, high: n }], negated: true };
  if (op === '>') return { ranges: [{ low: n + 1, high: 65535 }], negated: false };
  if (op === '>=') return { ranges: [{ low: n, high: 65535 }], negated: false };
  if (op === '<') return { ranges: [{ low: 0, high: n - 1 }], negated: false };
  if (op === '<=') return { ranges: [{ low: 0, high: n }], negated: false };
  const ranges = parsePortList(a);
  return ranges ? { ranges, negated: false } : null;
}

const PORT = /^port\s+(?:(=|!=|<=|>=|<|>)\s*)?(\d+(?::\d+)?)(?:\s+(><|<>|:)\s+(\d+))?/;

/** Reads "from X [port …] to Y [port …]" (or "all") into the match. */
function readEndpoints(rest: string, m: RuleMatch): void {
  if (/^all\b/.test(rest)) return;
  const parts = rest.match(
    /from\s+(.*?)\s+to\s+(.*?)(?:\s+(?:flags|keep|modulate|synproxy|label|tag|tagged|queue|user|group|rtable|probability|max-mss|no state|allow-opts|received-on)\b.*)?$/,
  );
  if (!parts) {
    m.unknown.push(rest);
    return;
  }
  const side = (text: string, which: 'source' | 'destination') => {
    const port = text.match(/\s*\bport\b.*$/);
    const host = (port ? text.slice(0, port.index) : text).trim();
    if (port) {
      const p = port[0].trim().match(PORT);
      const ports = p ? pfPorts(p[1] ?? p[3], p[2]!, p[4]) : null;
      if (ports) m[which === 'source' ? 'sports' : 'dports'] = ports;
      else m.unknown.push(port[0].trim());
    }
    if (host === 'any' || host === '') return;
    const neg = host.startsWith('!');
    const addr = host.replace(/^!\s*/, '');
    if (/^[\d.:a-f/]+$/i.test(addr)) m[which] = { cidrs: [addr], negated: neg };
    else m.unknown.push(`${which === 'source' ? 'from' : 'to'} ${host}`); // <table>, (interface), self…
  };
  side(parts[1]!, 'source');
  side(parts[2]!, 'destination');
}

export interface PfRuleLine {
  action: RuleAction;
  direction: 'input' | 'output' | null;
  quick: boolean;
  family: 'ipv4' | 'ipv6' | 'any';
  match: RuleMatch;
}

/** One `pass`/`block` line as pfctl prints it; null for anchors, scrub, nat and rdr lines. */
export function parsePfRule(line: string): PfRuleLine | null {
  const m = line.match(/^(pass|block)(?:\s+(drop|return-rst|return-icmp6?|return))?\s+(.*)$/);
  if (!m) return null;
  let rest = m[3]!;
  const take = (re: RegExp): RegExpMatchArray | null => {
    const hit = rest.match(re);
    if (hit) rest = rest.slice(hit[0].length).trimStart();
    return hit;
  };
  const dir = take(/^(in|out)\b/);
  take(/^log(?:\s+\([^)]*\))?\s*/);
  const quick = Boolean(take(/^quick\b/));
  const on = take(/^on\s+(!\s*)?(\S+)/);
  const fam = take(/^(inet6?)\b/);
  const proto = take(/^proto\s+(\S+)/);
  const match = emptyMatch();
  if (on) {
    const iface = { names: [on[2]!], negated: Boolean(on[1]) };
    // Without a direction pf applies the rule both ways: on the way out and on the way in.
    if (dir?.[1] !== 'out') match.inInterface = iface;
    if (dir?.[1] !== 'in') match.outInterface = iface;
  }
  match.protocol = proto?.[1] ?? null;
  readEndpoints(rest, match);
  const how = m[2];
  const action: RuleAction =
    m[1] === 'pass'
      ? { kind: 'accept' }
      : how && how.startsWith('return')
        ? { kind: 'reject', with: how }
        : { kind: 'drop' };
  return {
    action,
    direction: dir ? (dir[1] === 'in' ? 'input' : 'output') : null,
    quick,
    family: fam ? (fam[1] === 'inet6' ? 'ipv6' : 'ipv4') : 'any',
    match,
  };
}

/** `pfctl -s rules` (with or without -vv's "@N" numbers and statistics lines) into rules, in order. */
export function parsePfRules(text: string): FirewallRule[] {
  const rules: FirewallRule[] = [];
  for (const raw of text.split('\n')) {
    if (/^\s/.test(raw) || !raw.trim()) continue; // "  [ Evaluations: … ]" statistics under -v
    const line = raw.trim().replace(/^@\d+\s+/, '');
    const parsed = parsePfRule(line);
    if (!parsed) continue;
    const position = rules.length + 1;
    rules.push({
      tool: 'pf',
      family: parsed.family,
      table: 'main ruleset',
      chain: null,
      handle: null,
      position,
      direction: parsed.direction,
      quick: parsed.quick,
      match: parsed.match,
      action: parsed.action,
      text: line,
      location: `pf main ruleset, rule ${position} of pfctl -s rules (loaded from /etc/pf.conf or an anchor)`,
      // pf has no "delete one rule": the line goes out of the file it came from, then the file is reloaded.
      remove: null,
    });
  }
  return rules;
}
