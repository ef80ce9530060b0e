/**
 * Pure: which firewall rule, if any, stops a local TCP connection request. It follows the packet the way
 * each firewall does (netfilter: hooks, chain priorities, jumps and policies, first match; pf: last match
 * unless quick; Windows: any block rule wins, but never on loopback), and names a rule only when every
 * condition of that rule is known to hold. Rules it cannot decide on are returned as such, never counted as
 * a match.
 */
import ipaddr from 'ipaddr.js';
import { isLoopbackAddress } from '@/lib/net';
import type {
  AddressMatch,
  FirewallChain,
  FirewallFacts,
  FirewallRule,
  Hook,
  InterfaceMatch,
} from '@/lib/host/firewall/types';

export interface Packet {
  family: 'ipv4' | 'ipv6';
  source: string;
  destination: string;
  dport: number;
  /** The loopback interface the packet crosses: lo (Linux), lo0 (macOS). */
  iface: string;
}

export interface FirewallBlock {
  verdict: 'drop' | 'reject';
  /** The rule that blocks; null when a chain's default policy does. */
  rule: FirewallRule | null;
  /** The base chain it happened in (netfilter only). */
  chain: FirewallChain | null;
  hook: Hook;
  /** Earlier rules that might have let the packet through: they have conditions we cannot evaluate. */
  uncertainBy: FirewallRule[];
}

export interface MatchResult {
  block: FirewallBlock | null;
  /** Drop/reject rules that may apply but have a condition we cannot evaluate (a rate limit, a program…). */
  possible: FirewallRule[];
}

type Tri = 'yes' | 'no' | 'maybe';

/** The tools that read the kernel's own rules (ufw and firewalld only write them). */
export const NETFILTER: ReadonlySet<string> = new Set([
  'nft',
  'iptables',
  'ip6tables',
  'iptables-legacy',
  'ip6tables-legacy',
]);
const INPUT_SIDE = new Set<Hook>(['prerouting', 'input']);

function both(a: Tri, b: Tri): Tri {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'maybe' || b === 'maybe' ? 'maybe' : 'yes';
}

const flip = (t: Tri, negated: boolean): Tri => (!negated || t === 'maybe' ? t : t === 'yes' ? 'no' : 'yes');

function ifaceMatches(m: InterfaceMatch, iface: string | null): Tri {
  // No interface on this side of the packet (an input-interface condition in the output path): no match.
  if (iface === null) return m.negated ? 'yes' : 'no';
  const hit = m.names.some((n) => (/[+*]$/.test(n) ? iface.startsWith(n.slice(0, -1)) : n === iface));
  return flip(hit ? 'yes' : 'no', m.negated);
}

function compareBytes(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** "127.0.0.1", "127.0.0.0/8" or "127.0.0.1-127.0.0.9" (iprange, Windows); 'maybe' when unreadable. */
function addressIn(address: string, entry: string): Tri {
  try {
    const addr = ipaddr.process(address);
    if (entry.includes('-')) {
      const [low, high] = entry.split('-').map((a) => ipaddr.process(a.trim()));
      if (!low || !high || low.kind() !== addr.kind())
        return low && low.kind() !== addr.kind() ? 'no' : 'maybe';
      const bytes = addr.toByteArray();
      const inside =
        compareBytes(bytes, low.toByteArray()) >= 0 && compareBytes(bytes, high.toByteArray()) <= 0;
      return inside ? 'yes' : 'no';
    }
    if (!entry.includes('/')) return ipaddr.process(entry).toString() === addr.toString() ? 'yes' : 'no';
    const [base, bits] = ipaddr.parseCIDR(entry);
    return base.kind() === addr.kind() && addr.match(base, bits) ? 'yes' : 'no';
  } catch {
    return 'maybe';
  }
}

function addressMatches(m: AddressMatch, address: string): Tri {
  const results = m.cidrs.map((c) => addressIn(address, c));
  const any: Tri = results.includes('yes') ? 'yes' : results.includes('maybe') ? 'maybe' : 'no';
  return flip(any, m.negated);
}

/** Whether every condition of the rule holds for the packet at this hook. */
export function ruleMatches(rule: FirewallRule, p: Packet, hook: Hook, bothSides = false): Tri {
  const m = rule.match;
  let t: Tri = rule.family === 'any' || rule.family === p.family ? 'yes' : 'no';
  if (m.protocol !== null && !['tcp', '6'].includes(m.protocol.toLowerCase())) t = 'no';
  if (m.dports) {
    const hit = m.dports.ranges.some((r) => p.dport >= r.low && p.dport <= r.high);
    t = both(t, flip(hit ? 'yes' : 'no', m.dports.negated));
  }
  // The client's source port is picked by the OS at connect time: a rule on it may or may not apply.
  if (m.sports) t = both(t, 'maybe');
  const inSide = INPUT_SIDE.has(hook);
  // pf and Windows name one interface for "whichever way the packet goes"; netfilter has one per side.
  if (m.inInterface && (inSide || !bothSides))
    t = both(t, ifaceMatches(m.inInterface, inSide ? p.iface : null));
  if (m.outInterface && (!inSide || !bothSides))
    t = both(t, ifaceMatches(m.outInterface, inSide ? null : p.iface));
  if (m.source) t = both(t, addressMatches(m.source, p.source));
  if (m.destination) t = both(t, addressMatches(m.destination, p.destination));
  if (m.ctStates) t = both(t, m.ctStates.includes('new') ? 'yes' : 'no');
  if (m.unknown.length > 0) t = both(t, 'maybe');
  return t;
}

const blocks = (r: FirewallRule) => r.action.kind === 'drop' || r.action.kind === 'reject';

interface ChainOutcome {
  verdict: 'accept' | 'drop' | 'reject' | null;
  rule: FirewallRule | null;
}

/** Netfilter: runs one chain (following jumps and gotos) until a verdict, a return, or its end. */
function runChain(
  facts: FirewallFacts,
  chain: FirewallChain,
  p: Packet,
  hook: Hook,
  seen: { maybe: FirewallRule[] },
  depth = 0,
): ChainOutcome {
  const none: ChainOutcome = { verdict: null, rule: null };
  if (depth > 16) return none; // a jump loop would be rejected by the kernel; this only guards the walk
  const rules = facts.rules.filter(
    (r) => r.tool === chain.tool && r.table === chain.table && r.chain === chain.name,
  );
  for (const rule of rules) {
    const t = ruleMatches(rule, p, hook);
    if (t === 'no') continue;
    if (t === 'maybe') {
      if (rule.action.kind !== 'continue') seen.maybe.push(rule);
      continue;
    }
    const a = rule.action;
    if (a.kind === 'accept') return { verdict: 'accept', rule };
    if (a.kind === 'drop' || a.kind === 'reject') return { verdict: a.kind, rule };
    if (a.kind === 'return') return none;
    if (a.kind === 'jump' || a.kind === 'goto') {
      const target = facts.chains.find(
        (c) => c.tool === chain.tool && c.table === chain.table && c.name === a.chain,
      );
      const sub = target ? runChain(facts, target, p, hook, seen, depth + 1) : none;
      if (sub.verdict !== null || a.kind === 'goto') return sub;
    }
  }
  return none;
}

const FAMILY_TABLES: Record<Packet['family'], string[]> = { ipv4: ['ip', 'inet'], ipv6: ['ip6', 'inet'] };
// The order a locally sent, locally received packet meets the hooks.
const LOOPBACK_PATH: Hook[] = ['output', 'postrouting', 'prerouting', 'input'];

function netfilterBlock(
  facts: FirewallFacts,
  p: Packet,
  seen: { maybe: FirewallRule[] },
): FirewallBlock | null {
  for (const hook of LOOPBACK_PATH) {
    const bases = facts.chains
      .filter((c) => NETFILTER.has(c.tool) && c.hook === hook && c.type !== 'nat')
      .filter((c) => FAMILY_TABLES[p.family].includes(c.family))
      .sort((a, b) => a.priority - b.priority);
    for (const chain of bases) {
      const out = runChain(facts, chain, p, hook, seen);
      const verdict = out.verdict ?? chain.policy ?? 'accept';
      if (verdict === 'drop' || verdict === 'reject')
        return {
          verdict,
          rule: out.rule,
          chain,
          hook,
          uncertainBy: [...seen.maybe.filter((r) => !blocks(r))],
        };
    }
  }
  return null;
}

/** pf: the last matching rule decides, unless a "quick" rule matched first. Out on lo0, then in. */
function pfBlock(facts: FirewallFacts, p: Packet, seen: { maybe: FirewallRule[] }): FirewallBlock | null {
  if (facts.skippedInterfaces.includes(p.iface)) return null;
  for (const hook of ['output', 'input'] as const) {
    let decided: FirewallRule | null = null;
    let after: FirewallRule[] = [];
    for (const rule of facts.rules.filter((r) => r.tool === 'pf' && (r.direction ?? hook) === hook)) {
      const t = ruleMatches(rule, p, hook, true);
      if (t === 'maybe') after.push(rule);
      if (t !== 'yes') continue;
      decided = rule;
      after = [];
      if (rule.quick) break;
    }
    seen.maybe.push(...after);
    if (decided && blocks(decided))
      return {
        verdict: decided.action.kind === 'reject' ? 'reject' : 'drop',
        rule: decided,
        chain: null,
        hook,
        uncertainBy: after.filter((r) => !blocks(r)),
      };
  }
  return null;
}

/**
 * Tools read one list at a time (Windows, and ufw/firewalld when the kernel's own rules could not be read):
 * within each list the first rule that certainly applies decides; Windows' block rules win over any allow.
 */
function listBlock(
  facts: FirewallFacts,
  p: Packet,
  tools: string[],
  seen: { maybe: FirewallRule[] },
): FirewallBlock | null {
  const lists = new Map<string, FirewallRule[]>();
  for (const r of facts.rules.filter((x) => tools.includes(x.tool)))
    lists.set(`${r.tool}|${r.table}|${r.direction}`, [
      ...(lists.get(`${r.tool}|${r.table}|${r.direction}`) ?? []),
      r,
    ]);
  for (const rules of lists.values()) {
    const before: FirewallRule[] = [];
    for (const rule of rules) {
      const hook = rule.direction ?? 'input';
      const windows = rule.tool === 'netsh' || rule.tool === 'powershell';
      const t = ruleMatches(rule, p, hook, true);
      if (t === 'maybe') (blocks(rule) ? seen.maybe : before).push(rule);
      if (t !== 'yes' || (windows && !blocks(rule))) continue;
      if (!blocks(rule)) break;
      return {
        verdict: rule.action.kind === 'reject' ? 'reject' : 'drop',
        rule,
        chain: null,
        hook,
        uncertainBy: before,
      };
    }
  }
  return null;
}

/**
 * Windows Defender Firewall does not filter loopback traffic: the Windows Filtering Platform exempts it, so
 * no rule, block or allow, has any effect on a connection to 127.0.0.0/8 or ::1 (Microsoft KB 2771908). Its
 * rules are therefore never a cause, nor a possible one, for a loopback connection.
 */
export function windowsFirewallFilters(p: Packet): boolean {
  return !isLoopbackAddress(p.destination) && !isLoopbackAddress(p.source);
}

/** The rule (or policy) that stops this connection request, if one certainly does. */
export function findFirewallBlock(facts: FirewallFacts, p: Packet): MatchResult {
  const seen = { maybe: [] as FirewallRule[] };
  const read = (tool: string) => facts.sources.some((s) => s.tool === tool && s.status === 'read');
  const netfilterRead = [...NETFILTER].some(read);
  const block =
    (netfilterRead ? netfilterBlock(facts, p, seen) : listBlock(facts, p, ['ufw', 'firewalld'], seen)) ??
    pfBlock(facts, p, seen) ??
    (windowsFirewallFilters(p) ? listBlock(facts, p, ['netsh', 'powershell'], seen) : null);
  return { block, possible: block ? [] : seen.maybe.filter(blocks) };
}
