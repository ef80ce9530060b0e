import 'server-only';
import { emptyMatch, portMatch } from '@/lib/host/firewall/common';
import type { FirewallRule, RuleAction, RuleMatch } from '@/lib/host/firewall/types';

/** Every zone, not only the default one: the zone that holds an interface need not be the default. */
export const FIREWALLD_ARGS = ['--list-all-zones'];

export interface FirewalldZone {
  name: string;
  active: boolean;
  target: string;
  interfaces: string[];
  sources: string[];
  ports: string[];
  services: string[];
  richRules: string[];
}

/** Splits `firewall-cmd --list-all[-zones]` into zones: a name line, then indented "key: value" lines. */
export function parseFirewalldZones(text: string): FirewalldZone[] {
  const zones: FirewalldZone[] = [];
  let zone: FirewalldZone | null = null;
  let inRich = false;
  for (const line of text.split('\n')) {
    const head = line.match(/^(\S+)(?:\s+\(([^)]*)\))?\s*$/);
    if (head) {
      zone = {
        name: head[1]!,
        active: (head[2] ?? '').includes('active'),
        target: 'default',
        interfaces: [],
        sources: [],
        ports: [],
        services: [],
        richRules: [],
      };
      zones.push(zone);
      inRich = false;
      continue;
    }
    if (!zone) continue;
    const kv = line.match(/^\s+([a-z -]+):\s?(.*)$/);
    if (kv && !line.trim().startsWith('rule ')) {
      const [, k, v] = kv;
      const words = v!.trim().split(/\s+/).filter(Boolean);
      inRich = k === 'rich rules';
      if (k === 'target') zone.target = v!.trim();
      else if (k === 'interfaces') zone.interfaces = words;
      else if (k === 'sources') zone.sources = words;
      else if (k === 'ports') zone.ports = words;
      else if (k === 'services') zone.services = words;
      continue;
    }
    if (inRich && line.trim().startsWith('rule ')) zone.richRules.push(line.trim());
  }
  return zones;
}

function attr(rule: string, re: RegExp): string | null {
  return rule.match(re)?.[1] ?? null;
}

/** The action a rich rule ends with: accept, reject [type="…"], drop, mark. */
function richAction(rule: string): RuleAction | null {
  const reject = rule.match(/\breject(?:\s+type="([^"]+)")?\s*(?:limit value="[^"]*"\s*)?$/);
  if (reject) return { kind: 'reject', with: reject[1] ?? null };
  if (/\bdrop\s*(?:limit value="[^"]*"\s*)?$/.test(rule)) return { kind: 'drop' };
  if (/\baccept\s*(?:limit value="[^"]*"\s*)?$/.test(rule)) return { kind: 'accept' };
  return null;
}

// firewalld's own nft rules accept everything on lo before a packet is sent to any zone, so a zone's rules
// only see loopback traffic if that was changed; the zone's interfaces are named in the location instead.
function zoneMatch(): RuleMatch {
  const m = emptyMatch();
  m.inInterface = { names: ['lo'], negated: true };
  return m;
}

function richMatch(rule: string): RuleMatch {
  const m = zoneMatch();
  const src = rule.match(/source (NOT )?address="([^"]+)"/);
  if (src) m.source = { cidrs: [src[2]!], negated: Boolean(src[1]) };
  const dst = rule.match(/destination (NOT )?address="([^"]+)"/);
  if (dst) m.destination = { cidrs: [dst[2]!], negated: Boolean(dst[1]) };
  const port = attr(rule, /\bport port="([^"]+)"/);
  if (port) {
    m.dports = portMatch(port);
    if (!m.dports) m.unknown.push(`port ${port}`);
  }
  m.protocol = attr(rule, /protocol="([^"]+)"/);
  const service = attr(rule, /service name="([^"]+)"/);
  if (service) m.unknown.push(`service ${service}`);
  if (/\blimit value=/.test(rule)) m.unknown.push('limit');
  if (/\bsource (NOT )?(mac|ipset)=/.test(rule)) m.unknown.push('source mac/ipset');
  return m;
}

function zoneRule(
  zone: FirewalldZone,
  position: number,
  partial: Omit<
    FirewallRule,
    'tool' | 'table' | 'chain' | 'handle' | 'position' | 'direction' | 'location' | 'managedBy'
  >,
): FirewallRule {
  const bound = zone.interfaces.length > 0 ? `interfaces ${zone.interfaces.join(' ')}` : 'no interfaces';
  return {
    tool: 'firewalld',
    table: `zone ${zone.name}`,
    chain: null,
    handle: null,
    position,
    direction: 'input',
    location: `firewalld zone ${zone.name} (${bound}${zone.sources.length ? `, sources ${zone.sources.join(' ')}` : ''})`,
    managedBy: 'firewalld',
    ...partial,
  };
}

/**
 * Rules in the order firewalld applies them inside a zone: rich rules that deny, then what the zone allows
 * (ports and rich accepts), then the zone's target for everything else.
 */
export function firewalldRules(zones: FirewalldZone[]): FirewallRule[] {
  const rules: FirewallRule[] = [];
  for (const zone of zones) {
    const denies: FirewallRule[] = [];
    const allows: FirewallRule[] = [];
    for (const rich of zone.richRules) {
      const action = richAction(rich);
      if (!action) continue;
      const family = attr(rich, /family="(ipv4|ipv6)"/);
      const rule = zoneRule(zone, 0, {
        family: family === 'ipv4' ? 'ipv4' : family === 'ipv6' ? 'ipv6' : 'any',
        match: richMatch(rich),
        action,
        text: rich,
        remove: ['firewall-cmd', `--zone=${zone.name}`, `--remove-rich-rule=${rich}`],
      });
      (action.kind === 'accept' ? allows : denies).push(rule);
    }
    for (const port of zone.ports) {
      const [ports, protocol] = port.split('/');
      const match = zoneMatch();
      match.dports = portMatch(ports ?? '');
      match.protocol = protocol ?? null;
      allows.push(
        zoneRule(zone, 0, {
          family: 'any',
          match,
          action: { kind: 'accept' },
          text: `ports: ${port}`,
          remove: ['firewall-cmd', `--zone=${zone.name}`, `--remove-port=${port}`],
        }),
      );
    }
    const target = zone.target.replace(/%/g, '');
    const closing: RuleAction | null =
      target === 'ACCEPT' ? null : target === 'DROP' ? { kind: 'drop' } : { kind: 'reject', with: null };
    const ordered = [...denies, ...allows];
    if (closing) {
      // "default" rejects whatever the zone does not allow (services are allowed too, on ports not modelled).
      const match = zoneMatch();
      if (zone.services.length > 0) match.unknown.push(`services ${zone.services.join(' ')}`);
      ordered.push(
        zoneRule(zone, 0, {
          family: 'any',
          match,
          action: closing,
          text: `target: ${zone.target}`,
          remove: null,
        }),
      );
    }
    ordered.forEach((r, i) => rules.push({ ...r, position: i + 1 }));
  }
  return rules;
}
