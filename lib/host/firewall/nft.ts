import 'server-only';
import { describePorts } from '@/lib/host/firewall/common';
import { isObject, readExprs, type Json, type JsonObject } from '@/lib/host/firewall/nft-expr';
import type { FirewallChain, FirewallRule, Hook, RuleAction, RuleMatch } from '@/lib/host/firewall/types';

/** `nft -j list ruleset` for the structure, `nft -a list ruleset` for each rule's text as nft prints it. */
export const NFT_JSON_ARGS = ['-j', 'list', 'ruleset'];
export const NFT_TEXT_ARGS = ['-a', 'list', 'ruleset'];

export interface Ruleset {
  chains: FirewallChain[];
  rules: FirewallRule[];
}

const HOOKS: readonly Hook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];
// Families whose packets are IP packets a local TCP connection can meet; arp/bridge/netdev never see them.
const IP_FAMILIES = new Set(['ip', 'ip6', 'inet']);

const key = (...parts: (string | number)[]) => parts.join('|');

/**
 * The text `nft -a list ruleset` prints, indexed by family|table|chain|handle for rules and
 * family|table|chain for a base chain's "type … hook … policy …;" line.
 */
export function indexNftText(text: string): Map<string, string> {
  const index = new Map<string, string>();
  let table: string | null = null;
  let chain: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const t = line.match(/^table (\S+) (\S+) \{/);
    if (t) {
      table = `${t[1]}|${t[2]}`;
      chain = null;
      continue;
    }
    const c = line.match(/^chain (\S+) \{/);
    if (c) {
      chain = c[1]!;
      continue;
    }
    if (/^(set|map|flowtable|counter|quota|ct |limit|secmark|synproxy) /.test(line)) {
      chain = null; // named objects carry handles too; they are not rules
      continue;
    }
    if (!table || !chain) continue;
    if (line.startsWith('type ') && line.includes(' hook ')) index.set(`${table}|${chain}`, line);
    const r = line.match(/^(.*?)\s*# handle (\d+)$/);
    if (r) index.set(`${table}|${chain}|${r[2]}`, r[1]!);
  }
  return index;
}

/** nft syntax for a rule when the text listing is not available (e.g. it failed while the JSON worked). */
function renderRule(match: RuleMatch, action: RuleAction): string {
  const parts: string[] = [];
  const not = (negated: boolean) => (negated ? '!= ' : '');
  const list = (items: string[]) => (items.length === 1 ? items[0]! : `{ ${items.join(', ')} }`);
  if (match.inInterface)
    parts.push(
      `iifname ${not(match.inInterface.negated)}${list(match.inInterface.names.map((n) => `"${n}"`))}`,
    );
  if (match.outInterface)
    parts.push(
      `oifname ${not(match.outInterface.negated)}${list(match.outInterface.names.map((n) => `"${n}"`))}`,
    );
  if (match.source) parts.push(`saddr ${not(match.source.negated)}${list(match.source.cidrs)}`);
  if (match.destination)
    parts.push(`daddr ${not(match.destination.negated)}${list(match.destination.cidrs)}`);
  if (match.ctStates) parts.push(`ct state ${match.ctStates.join(',')}`);
  const proto = match.protocol ?? 'th';
  if (match.dports)
    parts.push(`${proto} dport ${not(match.dports.negated)}${describePorts(match.dports.ranges)}`);
  else if (match.protocol) parts.push(`meta l4proto ${match.protocol}`);
  parts.push(...match.unknown);
  if (action.kind === 'jump' || action.kind === 'goto') parts.push(`${action.kind} ${action.chain}`);
  else if (action.kind === 'reject') parts.push(action.with ? `reject with ${action.with}` : 'reject');
  else if (action.kind !== 'continue') parts.push(action.kind);
  return parts.join(' ');
}

function str(o: JsonObject, k: string): string {
  const v = o[k];
  return typeof v === 'string' ? v : String(v ?? '');
}

function chainFrom(c: JsonObject, text: Map<string, string>): FirewallChain {
  const [family, table, name] = [str(c, 'family'), str(c, 'table'), str(c, 'name')];
  const hook = HOOKS.find((h) => h === c.hook) ?? null;
  const policy = c.policy === 'drop' ? 'drop' : c.policy === 'accept' ? 'accept' : null;
  const type = typeof c.type === 'string' ? c.type : null;
  return {
    tool: 'nft',
    family,
    table: `${family} ${table}`,
    name,
    hook,
    type,
    priority: typeof c.prio === 'number' ? c.prio : 0,
    policy: hook ? (policy ?? 'accept') : null,
    policyText: hook
      ? (text.get(key(family, table, name)) ??
        `type ${type ?? 'filter'} hook ${hook} priority ${String(c.prio ?? 0)}; policy ${policy ?? 'accept'};`)
      : null,
    policyFix: hook ? ['nft', 'chain', family, table, name, '{ policy accept; }'] : null,
  };
}

/**
 * Parses `nft -j list ruleset`; `text` (from `nft -a list ruleset`, or already indexed as indexNftText
 * does) supplies each rule's own wording.
 */
export function parseNftRuleset(json: string | Json, text: string | Map<string, string> = ''): Ruleset {
  const parsed = typeof json === 'string' ? (JSON.parse(json) as Json) : json;
  if (!isObject(parsed) || !Array.isArray(parsed.nftables))
    throw new Error('nft -j printed something that is not an nftables ruleset');
  const items = parsed.nftables.filter(isObject);
  const textIndex = typeof text === 'string' ? indexNftText(text) : text;
  const sets = new Map<string, Json[]>();
  for (const item of items) {
    const s = item.set;
    if (isObject(s) && Array.isArray(s.elem))
      sets.set(key(str(s, 'family'), str(s, 'table'), str(s, 'name')), s.elem);
  }
  const chains = items
    .map((i) => i.chain)
    .filter(isObject)
    .filter((c) => IP_FAMILIES.has(str(c, 'family')))
    .map((c) => chainFrom(c, textIndex));
  const positions = new Map<string, number>();
  const rules: FirewallRule[] = [];
  for (const item of items) {
    const r = item.rule;
    if (!isObject(r) || !Array.isArray(r.expr) || !IP_FAMILIES.has(str(r, 'family'))) continue;
    const [family, table, chain] = [str(r, 'family'), str(r, 'table'), str(r, 'chain')];
    const handle = typeof r.handle === 'number' ? r.handle : null;
    const read = readExprs(r.expr, { get: (name) => sets.get(key(family, table, name)) });
    const position = (positions.get(key(family, table, chain)) ?? 0) + 1;
    positions.set(key(family, table, chain), position);
    const tableFamily = family === 'ip' ? 'ipv4' : family === 'ip6' ? 'ipv6' : 'any';
    rules.push({
      tool: 'nft',
      family: tableFamily === 'any' ? (read.family ?? 'any') : tableFamily,
      table: `${family} ${table}`,
      chain,
      handle,
      position,
      direction: null,
      match: read.match,
      action: read.action,
      text: textIndex.get(key(family, table, chain, handle ?? -1)) ?? renderRule(read.match, read.action),
      location: `table ${family} ${table} chain ${chain}${handle === null ? '' : ` (handle ${handle})`}`,
      remove:
        handle === null ? null : ['nft', 'delete', 'rule', family, table, chain, 'handle', String(handle)],
      ...(table === 'firewalld' ? { managedBy: 'firewalld' as const } : {}),
      ...(/^ufw6?-/.test(chain) ? { managedBy: 'ufw' as const } : {}),
    });
  }
  return { chains, rules };
}
