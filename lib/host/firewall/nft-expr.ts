import 'server-only';
import { emptyMatch } from '@/lib/host/firewall/common';
import type { AddressMatch, PortRange, RuleAction, RuleMatch } from '@/lib/host/firewall/types';

/**
 * Reads the expressions of one rule from `nft -j` (libnftables JSON schema) into a RuleMatch and an action.
 * Anything not modelled is kept, described, in `match.unknown`, so it can make a rule uncertain but never
 * silently widen it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type { Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `nft -j` output as parsed JSON: given text is parsed (null when it is not JSON), a parsed value kept. */
export function nftJsonOf(input: string | Json): Json | null {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as Json;
  } catch {
    return null;
  }
}

/** The single key of an nft JSON object ({"accept": null} → "accept"). */
function soleKey(o: JsonObject): string | undefined {
  return Object.keys(o)[0];
}

export interface NamedSets {
  get(name: string): Json[] | undefined;
}

/** Flattens a right-hand side into its elements: a value, {"set": […]}, or a named set "@blocked". */
function elements(right: Json | undefined, sets: NamedSets): Json[] | null {
  if (typeof right === 'string' && right.startsWith('@')) return sets.get(right.slice(1)) ?? null;
  if (isObject(right) && Array.isArray(right.set)) return right.set;
  if (Array.isArray(right)) return right;
  return right === undefined ? null : [right];
}

function toPortRanges(values: Json[]): PortRange[] | null {
  const out: PortRange[] = [];
  for (const v of values) {
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n === 'number') out.push({ low: n, high: n });
    else if (
      isObject(v) &&
      Array.isArray(v.range) &&
      typeof v.range[0] === 'number' &&
      typeof v.range[1] === 'number'
    )
      out.push({ low: v.range[0], high: v.range[1] });
    else return null; // a service name or a concatenation: not a plain port list
  }
  return out;
}

function toCidrs(values: Json[]): string[] | null {
  const out: string[] = [];
  for (const v of values) {
    if (typeof v === 'string') out.push(v);
    else if (isObject(v) && isObject(v.prefix) && typeof v.prefix.addr === 'string')
      out.push(`${v.prefix.addr}/${String(v.prefix.len)}`);
    else if (isObject(v) && Array.isArray(v.range) && typeof v.range[0] === 'string')
      out.push(`${v.range[0]}-${String(v.range[1])}`);
    else return null;
  }
  return out;
}

function toStrings(values: Json[]): string[] | null {
  return values.every((v) => typeof v === 'string') ? (values as string[]) : null;
}

/** Comparison operators on ports ("tcp dport < 1024") as ranges. */
function comparedPorts(op: string, right: Json | undefined): PortRange[] | null {
  if (typeof right !== 'number') return null;
  if (op === '<') return [{ low: 0, high: right - 1 }];
  if (op === '<=') return [{ low: 0, high: right }];
  if (op === '>') return [{ low: right + 1, high: 65535 }];
  if (op === '>=') return [{ low: right, high: 65535 }];
  return null;
}

const FAMILY_OF_PAYLOAD: Record<string, 'ipv4' | 'ipv6'> = { ip: 'ipv4', ip6: 'ipv6' };

export interface ExprResult {
  match: RuleMatch;
  action: RuleAction;
  /** Narrowed by "ip saddr …" / "meta nfproto ipv6" inside an inet table. */
  family: 'ipv4' | 'ipv6' | null;
}

/** Applies one "match" expression; returns false when it is not one we model. */
function applyMatch(m: JsonObject, r: ExprResult, sets: NamedSets): boolean {
  const op = typeof m.op === 'string' ? m.op : '==';
  const negated = op === '!=';
  const positive = op === '==' || op === 'in';
  const left = isObject(m.left) ? m.left : null;
  if (!left) return false;
  const values = elements(m.right, sets);
  if (isObject(left.payload)) {
    const { protocol, field } = left.payload;
    if (typeof protocol !== 'string' || typeof field !== 'string') return false;
    if (field === 'dport' || field === 'sport') {
      const ranges = positive || negated ? values && toPortRanges(values) : comparedPorts(op, m.right);
      if (!ranges) return false;
      if (protocol !== 'th') r.match.protocol = protocol;
      r.match[field === 'dport' ? 'dports' : 'sports'] = { ranges, negated };
      return true;
    }
    if ((field === 'saddr' || field === 'daddr') && FAMILY_OF_PAYLOAD[protocol]) {
      const cidrs = (positive || negated) && values ? toCidrs(values) : null;
      if (!cidrs) return false;
      r.family = FAMILY_OF_PAYLOAD[protocol]!;
      const match: AddressMatch = { cidrs, negated };
      if (field === 'saddr') r.match.source = match;
      else r.match.destination = match;
      return true;
    }
    if ((field === 'protocol' || field === 'nexthdr') && positive && typeof m.right === 'string') {
      r.match.protocol = m.right;
      return true;
    }
    return false;
  }
  if (isObject(left.meta) && typeof left.meta.key === 'string') {
    const key = left.meta.key;
    if (key === 'l4proto' && positive && typeof m.right === 'string') {
      r.match.protocol = m.right;
      return true;
    }
    if (key === 'nfproto' && positive && (m.right === 'ipv4' || m.right === 'ipv6')) {
      r.family = m.right;
      return true;
    }
    if (['iif', 'iifname', 'oif', 'oifname'].includes(key) && (positive || negated) && values) {
      const names = toStrings(values);
      if (!names) return false;
      const iface = { names: names.map((n) => n.replace(/\\\*$/, '*')), negated };
      if (key.startsWith('i')) r.match.inInterface = iface;
      else r.match.outInterface = iface;
      return true;
    }
    return false;
  }
  if (isObject(left.ct) && left.ct.key === 'state' && positive && values) {
    const states = toStrings(values);
    if (!states) return false;
    r.match.ctStates = states;
    return true;
  }
  return false;
}

/** A few words for an expression we do not model, for the "may or may not apply" sentence. */
export function describeExpr(e: JsonObject): string {
  const key = soleKey(e) ?? '?';
  const body = e[key];
  if (key === 'limit' && isObject(body)) return `limit rate ${String(body.rate)}/${String(body.per)}`;
  if (key === 'xt' && isObject(body)) return `xt ${String(body.type)} ${String(body.name)}`;
  if (key === 'match' && isObject(body) && isObject(body.left)) {
    const left = body.left;
    const inner = soleKey(left);
    const detail = inner && isObject(left[inner]) ? Object.values(left[inner] as JsonObject).join(' ') : '';
    return `${inner ?? 'match'} ${detail} ${String(body.op)} ${JSON.stringify(body.right)}`.replace(
      /\s+/g,
      ' ',
    );
  }
  return key;
}

// Expressions that only observe or annotate the packet: they never decide whether it passes.
const NEUTRAL = new Set(['counter', 'log', 'comment', 'notrack', 'meta', 'mangle', 'ct']);

/** Walks the expression list in order: matches narrow the rule; the last statement decides the action. */
export function readExprs(exprs: Json[], sets: NamedSets): ExprResult {
  const r: ExprResult = {
    match: emptyMatch(),
    action: { kind: 'continue' },
    family: null,
  };
  for (const e of exprs) {
    if (!isObject(e)) continue;
    const key = soleKey(e);
    const body = key === undefined ? undefined : e[key];
    if (key === 'match' && isObject(body)) {
      if (!applyMatch(body, r, sets)) r.match.unknown.push(describeExpr(e));
    } else if (key === 'accept' || key === 'drop' || key === 'return') {
      r.action = { kind: key };
    } else if (key === 'reject') {
      const type = isObject(body)
        ? [body.type, body.expr].filter((x) => typeof x === 'string').join(' ')
        : '';
      r.action = { kind: 'reject', with: type || null };
    } else if ((key === 'jump' || key === 'goto') && isObject(body) && typeof body.target === 'string') {
      r.action = { kind: key, chain: body.target };
    } else if (key === 'xt' && isObject(body) && body.type === 'target') {
      // iptables-nft targets nft cannot show natively; REJECT is the only one that refuses a connection.
      r.action = body.name === 'REJECT' ? { kind: 'reject', with: null } : { kind: 'continue' };
    } else if (key !== undefined && !NEUTRAL.has(key)) {
      // limit, quota, xt matches, nat statements…: they change whether or how the rule applies.
      r.match.unknown.push(describeExpr(e));
    }
  }
  return r;
}
