import 'server-only';
import type { WindowsRuleFields } from '@/lib/host/firewall/windows';

/**
 * Only enabled Block rules: Windows applies a matching block rule whatever the allow rules say, so they are
 * all a connection can meet, and reading the filters of a few rules is much faster than of hundreds.
 * ConvertTo-Json keeps the output the same in every system language (netsh's is translated).
 */
export const POWERSHELL_FIREWALL_SCRIPT = [
  '$ErrorActionPreference = "Stop"',
  '$rules = @(Get-NetFirewallRule -Enabled True -Action Block -PolicyStore ActiveStore -ErrorAction SilentlyContinue)',
  '$out = foreach ($r in $rules) {',
  '  $p = $r | Get-NetFirewallPortFilter; $a = $r | Get-NetFirewallAddressFilter',
  '  $f = $r | Get-NetFirewallApplicationFilter; $s = $r | Get-NetFirewallServiceFilter',
  '  [pscustomobject]@{ Name = $r.Name; DisplayName = $r.DisplayName; Direction = [string]$r.Direction;',
  '    Action = [string]$r.Action; Enabled = [string]$r.Enabled; Profile = [string]$r.Profile;',
  '    Protocol = [string]$p.Protocol; LocalPort = @($p.LocalPort); RemotePort = @($p.RemotePort);',
  '    LocalAddress = @($a.LocalAddress); RemoteAddress = @($a.RemoteAddress);',
  '    Program = [string]$f.Program; Service = [string]$s.Service }',
  '}',
  'ConvertTo-Json -InputObject @($out) -Depth 3 -Compress',
].join('\n');

type Value = string | number | boolean | null | undefined | Value[] | { value?: Value };

/**
 * PowerShell prints a one-element array as the element itself, ports as numbers or strings, and under
 * Windows PowerShell 5.1 sometimes an array as {"value": […], "Count": n}.
 */
function joined(v: Value): string {
  if (Array.isArray(v)) return v.map(joined).join(',');
  if (v !== null && typeof v === 'object') return joined(v.value);
  return v === null || v === undefined ? '' : String(v);
}

/** Parses the script's JSON (an array, or one object, or nothing when there is no block rule). */
export function parsePowerShellRules(json: string): WindowsRuleFields[] {
  const trimmed = json.trim();
  if (!trimmed) return [];
  const parsed = JSON.parse(trimmed) as unknown;
  const items = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, Value>[];
  return items
    .filter((r) => r && typeof r === 'object')
    .map((r) => ({
      id: joined(r.Name) || null,
      name: joined(r.DisplayName) || joined(r.Name),
      enabled: /^true$/i.test(joined(r.Enabled)),
      direction: /^out/i.test(joined(r.Direction)) ? 'Out' : 'In',
      action: joined(r.Action) === 'Allow' ? 'Allow' : 'Block',
      protocol: joined(r.Protocol) || 'Any',
      localPort: joined(r.LocalPort) || 'Any',
      remotePort: joined(r.RemotePort) || 'Any',
      localIp: joined(r.LocalAddress) || 'Any',
      remoteIp: joined(r.RemoteAddress) || 'Any',
      program: joined(r.Program) || null,
      service: joined(r.Service) || null,
      profiles: joined(r.Profile),
      via: 'powershell',
    }));
}
