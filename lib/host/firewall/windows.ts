import 'server-only';
import { emptyMatch, parsePortList } from '@/lib/host/firewall/common';
import type { AddressMatch, FirewallRule, PortMatch, RuleMatch } from '@/lib/host/firewall/types';

/**
 * One Windows Defender Firewall rule as both netsh and Get-NetFirewallRule describe it, before it becomes a
 * FirewallRule. Values are as printed: "Any", "5000,6000-6010", "127.0.0.1/32", "LocalSubnet".
 */
export interface WindowsRuleFields {
  /** Get-NetFirewallRule's unique Name (often a GUID); netsh only knows the display name. */
  id: string | null;
  name: string;
  enabled: boolean;
  direction: 'In' | 'Out';
  action: 'Allow' | 'Block' | 'Bypass';
  protocol: string;
  localPort: string;
  remotePort: string;
  localIp: string;
  remoteIp: string;
  program: string | null;
  service: string | null;
  profiles: string;
  via: 'netsh' | 'powershell';
}

/**
 * Why no Windows Firewall rule is ever named for a local connection: said with every Windows reading, so the
 * "no rule blocks" finding explains itself (the match in lib/diagnosis/firewall/match.ts skips them).
 */
export const WINDOWS_LOOPBACK_NOTE =
  'Windows Defender Firewall does not filter loopback traffic (Microsoft KB 2771908): its rules, block or allow, have no effect on connections to 127.0.0.1 or ::1, so none of them can be why a local connection fails.';

const PROTOCOLS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'ipv6-icmp' };

const isAny = (v: string | null) => v === null || v === '' || /^any$/i.test(v.trim());

function ports(text: string, what: string, unknown: string[]): PortMatch | null {
  if (isAny(text)) return null;
  const ranges = parsePortList(text);
  if (ranges) return { ranges, negated: false };
  unknown.push(`${what} ${text}`); // RPC, RPC-EPMap, IPHTTPS, Teredo…: ports Windows decides at run time
  return null;
}

function addresses(text: string, what: string, unknown: string[]): AddressMatch | null {
  if (isAny(text)) return null;
  const items = text.split(',').map((s) => s.trim());
  if (items.every((i) => /^[\d.:a-f/-]+$/i.test(i))) return { cidrs: items, negated: false };
  unknown.push(`${what} ${text}`); // LocalSubnet, Internet, DefaultGateway…
  return null;
}

/** Every condition of the rule, seen from a connection: In rules match the local end, Out rules the remote. */
function matchOf(f: WindowsRuleFields): RuleMatch {
  const m = emptyMatch();
  const proto = f.protocol.trim();
  m.protocol = isAny(proto) ? null : (PROTOCOLS[proto] ?? proto.toLowerCase());
  const inbound = f.direction === 'In';
  m.dports = ports(inbound ? f.localPort : f.remotePort, inbound ? 'LocalPort' : 'RemotePort', m.unknown);
  m.sports = ports(inbound ? f.remotePort : f.localPort, inbound ? 'RemotePort' : 'LocalPort', m.unknown);
  m.destination = addresses(inbound ? f.localIp : f.remoteIp, inbound ? 'LocalIP' : 'RemoteIP', m.unknown);
  m.source = addresses(inbound ? f.remoteIp : f.localIp, inbound ? 'RemoteIP' : 'LocalIP', m.unknown);
  // We cannot tell which program owns a connection from the rule alone: a program rule may or may not apply.
  if (!isAny(f.program)) m.unknown.push(`program ${f.program}`);
  if (!isAny(f.service)) m.unknown.push(`service ${f.service}`);
  return m;
}

function text(f: WindowsRuleFields): string {
  const parts = [
    `${f.direction}`,
    `Protocol=${f.protocol}`,
    `LocalPort=${f.localPort}`,
    `RemotePort=${f.remotePort}`,
  ];
  if (!isAny(f.localIp)) parts.push(`LocalIP=${f.localIp}`);
  if (!isAny(f.remoteIp)) parts.push(`RemoteIP=${f.remoteIp}`);
  if (!isAny(f.program)) parts.push(`Program=${f.program}`);
  return `${f.name}: ${parts.join(' ')} Action=${f.action}`;
}

/** Enabled rules only: a disabled rule filters nothing. */
export function windowsRules(fields: WindowsRuleFields[]): FirewallRule[] {
  return fields
    .filter((f) => f.enabled)
    .map((f, i) => ({
      tool: f.via,
      family: 'any' as const,
      table: f.direction === 'In' ? 'inbound rules' : 'outbound rules',
      chain: null,
      handle: null,
      position: i + 1,
      direction: f.direction === 'In' ? ('input' as const) : ('output' as const),
      match: matchOf(f),
      action: f.action === 'Block' ? { kind: 'drop' as const } : { kind: 'accept' as const },
      text: text(f),
      location: `Windows Defender Firewall, ${f.direction === 'In' ? 'inbound' : 'outbound'} rule "${f.name}" (profiles ${f.profiles || 'Any'})`,
      remove: f.id
        ? ['Remove-NetFirewallRule', '-Name', f.id]
        : [
            'netsh',
            'advfirewall',
            'firewall',
            'delete',
            'rule',
            `name=${f.name}`,
            `dir=${f.direction.toLowerCase()}`,
          ],
    }));
}
