import 'server-only';
import { emptyMatch, portMatch } from '@/lib/host/firewall/common';
import type { FirewallRule, RuleAction, RuleMatch } from '@/lib/host/firewall/types';

export const UFW_ARGS = ['status', 'verbose'];

export interface UfwStatus {
  active: boolean;
  /** "deny (incoming), allow (outgoing), disabled (routed)" */
  defaults: string | null;
  rules: FirewallRule[];
}

// "22/tcp   ALLOW IN   Anywhere   # ssh": the action column is the anchor, the To and From columns are
// free text around it (ufw pads them, but a long address can leave a single space).
const ROW = /^(.+?)\s+(ALLOW|DENY|REJECT|LIMIT)(?: (IN|OUT|FWD))?\s+(.+?)(?:\s+#.*)?$/;
const PORTS = /^(\d+(?::\d+)?(?:,\d+(?::\d+)?)*)(?:\/(tcp|udp))?$/;

interface Endpoint {
  address: string | null;
  ports: string | null;
  protocol: string | null;
  iface: string | null;
  v6: boolean;
  /** An application profile ("Nginx Full"): its ports live in /etc/ufw/applications.d. */
  app: string | null;
}

/** One side of a ufw rule: "Anywhere", "5432/tcp on lo", "127.0.0.1 5173/tcp", "Nginx Full (v6)". */
function parseEndpoint(text: string): Endpoint {
  let rest = text.trim();
  const v6 = rest.endsWith('(v6)');
  rest = rest.replace(/\s*\(v6\)$/, '');
  const on = rest.match(/\s+on\s+(\S+)$/);
  if (on) rest = rest.slice(0, on.index);
  const end: Endpoint = { address: null, ports: null, protocol: null, iface: on?.[1] ?? null, v6, app: null };
  for (const word of rest.split(/\s+/).filter(Boolean)) {
    const p = word.match(PORTS);
    if (p) {
      end.ports = p[1]!;
      end.protocol = p[2] ?? null;
    } else if (word === 'Anywhere') {
      end.address = null;
    } else if (/^[\d.]+(\/\d+)?$/.test(word) || /^[0-9a-f:]+(\/\d+)?$/i.test(word)) {
      end.address = word;
    } else {
      end.app = rest;
      break;
    }
  }
  return end;
}

function actionOf(word: string): RuleAction {
  if (word === 'ALLOW') return { kind: 'accept' };
  if (word === 'REJECT') return { kind: 'reject', with: null };
  // LIMIT drops only above 6 connections in 30 s; as a rule it is a drop with a condition we cannot see.
  return { kind: 'drop' };
}

/** The ufw command that deletes this rule: the same words that added it, after "delete". */
function deleteCommand(action: string, dir: string, to: Endpoint, from: Endpoint): string[] {
  const verb = action.toLowerCase();
  if (to.app) return ['ufw', 'delete', verb, to.app];
  const simple = dir === 'IN' && !to.address && !to.iface && !from.address && !from.ports;
  if (simple && to.ports)
    return ['ufw', 'delete', verb, `${to.ports}${to.protocol ? `/${to.protocol}` : ''}`];
  const words = ['ufw', 'delete', verb, dir.toLowerCase()];
  if (to.iface) words.push('on', to.iface);
  if (from.address || from.ports) words.push('from', from.address ?? 'any');
  if (from.ports) words.push('port', from.ports);
  words.push('to', to.address ?? 'any');
  if (to.ports) words.push('port', to.ports);
  const proto = to.protocol ?? from.protocol;
  if (proto) words.push('proto', proto);
  return words;
}

function matchOf(dir: 'IN' | 'OUT', to: Endpoint, from: Endpoint, limited: boolean): RuleMatch {
  const m = emptyMatch();
  m.protocol = to.protocol ?? from.protocol;
  if (to.ports) m.dports = portMatch(to.ports);
  if (from.ports) m.sports = portMatch(from.ports);
  if (to.address) m.destination = { cidrs: [to.address], negated: false };
  if (from.address) m.source = { cidrs: [from.address], negated: false };
  // /etc/ufw/before.rules accepts everything on lo before any user rule, so a user rule only ever sees
  // loopback traffic if that file was edited.
  const iface = to.iface ? { names: [to.iface], negated: false } : { names: ['lo'], negated: true };
  if (dir === 'IN') m.inInterface = iface;
  else m.outInterface = iface;
  if (to.iface === 'lo') m.unknown.push('after the loopback ACCEPT in /etc/ufw/before.rules');
  if (to.app) m.unknown.push(`application profile ${to.app}`);
  if (limited) m.unknown.push('LIMIT (only above 6 connections in 30 s)');
  return m;
}

/** Parses `ufw status verbose`. Route (FWD) rules are skipped: local connections are never forwarded. */
export function parseUfwStatus(text: string): UfwStatus {
  const status: UfwStatus = { active: /^Status: active/m.test(text), defaults: null, rules: [] };
  const defaults = text.match(/^Default: (.*)$/m);
  status.defaults = defaults?.[1]?.trim() ?? null;
  const table = text.split(/^--\s+-+\s+--+\s*$/m)[1];
  if (!table) return status;
  for (const line of table.split('\n')) {
    const row = line.trim().match(ROW);
    if (!row) continue;
    const [, toText, action, dirWord, fromText] = row;
    const dir = dirWord ?? 'IN';
    if (dir === 'FWD') continue;
    const to = parseEndpoint(toText!);
    const from = parseEndpoint(fromText!);
    const position = status.rules.length + 1;
    status.rules.push({
      tool: 'ufw',
      family: to.v6 || from.v6 || (to.address ?? from.address ?? '').includes(':') ? 'ipv6' : 'ipv4',
      table: 'ufw',
      chain: null,
      handle: null,
      position,
      direction: dir === 'IN' ? 'input' : 'output',
      match: matchOf(dir as 'IN' | 'OUT', to, from, action === 'LIMIT'),
      action: actionOf(action!),
      // ufw pads its columns to a fixed width; one gap of two spaces keeps the columns readable in a sentence.
      text: line.trim().replace(/\s{2,}/g, '  '),
      location: `ufw rule ${position} (see: ufw status numbered)`,
      remove: deleteCommand(action!, dir, to, from),
      managedBy: 'ufw',
    });
  }
  return status;
}
