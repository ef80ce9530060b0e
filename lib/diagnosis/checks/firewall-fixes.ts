/**
 * Pure string builders: the commands that remove a blocking rule, or let loopback traffic to one port
 * through it, in the syntax of the tool that holds it. Linux and macOS commands need root, so they start
 * with sudo; Windows ones are labelled for an elevated prompt.
 */
import type { Fix, Platform } from '@/lib/diagnosis/types';
import type { FirewallFacts, FirewallRule } from '@/lib/host/firewall/types';
import type { FirewallBlock } from '@/lib/diagnosis/checks/firewall-match';

const PLATFORM: Record<string, Platform> = { pf: 'darwin', netsh: 'win32', powershell: 'win32' };

export function platformOf(tool: string): Platform {
  return PLATFORM[tool] ?? 'linux';
}

/** Linux and macOS need root to change a firewall; Windows commands are run from an elevated terminal. */
export function elevated(tool: string, command: string): string {
  return platformOf(tool) === 'win32' ? command : `sudo ${command}`;
}

const sameRanges = (a: FirewallRule, b: FirewallRule) =>
  JSON.stringify(a.match.dports?.ranges ?? null) === JSON.stringify(b.match.dports?.ranges ?? null);

/** The ufw or firewalld rule behind a kernel rule they generated: same ports, same verdict. */
export function frontendRule(facts: FirewallFacts, rule: FirewallRule): FirewallRule | null {
  if (!rule.managedBy) return null;
  return (
    facts.rules.find(
      (r) =>
        r.tool === rule.managedBy && r.remove && r.action.kind === rule.action.kind && sameRanges(r, rule),
    ) ?? null
  );
}

function netfilterBypass(block: FirewallBlock, port: number): Fix | null {
  const rule = block.rule;
  const inSide = block.hook === 'input' || block.hook === 'prerouting';
  const tool = rule?.tool ?? block.chain?.tool;
  const chain = rule?.chain ?? block.chain?.name;
  const table = rule?.table ?? block.chain?.table;
  if (!tool || !chain || !table) return null;
  const scope = rule ? `tcp dport ${port}` : '';
  if (tool === 'nft') {
    const where = rule?.handle ? ` position ${rule.handle}` : '';
    const match = `${inSide ? 'iif' : 'oif'} lo${scope ? ` ${scope}` : ''}`;
    return {
      platform: 'linux',
      label: rule
        ? `Or let loopback connections to port ${port} through, just before that rule`
        : 'Accept loopback traffic first, as most firewalls do',
      command: `sudo nft insert rule ${table} ${chain}${where} ${match} accept`,
    };
  }
  const t = table === 'filter' ? '' : ` -t ${table}`;
  const position = rule ? rule.position : 1;
  return {
    platform: 'linux',
    label: rule
      ? `Or let loopback connections to port ${port} through, just before that rule`
      : 'Accept loopback traffic first, as most firewalls do',
    command: `sudo ${tool}${t} -I ${chain} ${position} ${inSide ? '-i' : '-o'} lo${rule ? ` -p tcp --dport ${port}` : ''} -j ACCEPT`,
  };
}

function windowsFixes(rule: FirewallRule): Fix[] {
  const fixes: Fix[] = [];
  if (rule.remove)
    fixes.push({
      platform: 'win32',
      label: 'Delete the rule (in an elevated terminal)',
      command: rule.remove,
    });
  const name = (rule.remove ?? '').match(/name="([^"]*)"/)?.[1];
  const disable =
    rule.tool === 'powershell'
      ? rule.remove?.replace(/^Remove-NetFirewallRule/, 'Disable-NetFirewallRule')
      : name !== undefined
        ? `netsh advfirewall firewall set rule name="${name}" new enable=no`
        : undefined;
  if (disable)
    fixes.push({
      platform: 'win32',
      label: 'Or only switch it off (in an elevated terminal)',
      command: disable,
    });
  return fixes;
}

/** Remove first (the lasting fix), then a narrower bypass where the tool has one. */
export function firewallFixes(facts: FirewallFacts, block: FirewallBlock, port: number): Fix[] {
  const rule = block.rule;
  if (!rule) {
    const chain = block.chain;
    const fixes: Fix[] = [];
    const bypass = netfilterBypass(block, port);
    if (bypass) fixes.push(bypass);
    if (chain?.policyFix)
      fixes.push({
        platform: 'linux',
        label: `Or set the default policy of chain ${chain.name} to accept`,
        command: elevated(chain.tool, chain.policyFix),
      });
    return fixes;
  }
  const platform = platformOf(rule.tool);
  if (platform === 'win32') return windowsFixes(rule);
  if (rule.tool === 'pf')
    return [
      {
        platform: 'darwin',
        label: `Delete the line '${rule.text}' from /etc/pf.conf (or the anchor file that holds it), then reload the rules`,
        command: 'sudo pfctl -f /etc/pf.conf',
      },
      {
        platform: 'darwin',
        label: 'Or switch pf off until you switch it on again (sudo pfctl -e)',
        command: 'sudo pfctl -d',
      },
    ];
  const fixes: Fix[] = [];
  const front = frontendRule(facts, rule);
  if (front?.remove)
    fixes.push({
      platform: 'linux',
      label: `Delete the ${front.tool} rule '${front.text}' (lasting: ${front.tool} re-creates its kernel rules on reload)`,
      command: elevated(front.tool, front.remove),
    });
  if (rule.remove)
    fixes.push({
      platform: 'linux',
      label: `Delete the rule '${rule.text}'`,
      command: elevated(rule.tool, rule.remove),
    });
  if (rule.tool === 'firewalld') {
    const zone = rule.table.replace(/^zone /, '');
    if (rule.remove)
      fixes.push({
        platform: 'linux',
        label: 'Keep it deleted after a reload',
        command: `sudo ${rule.remove.replace('firewall-cmd ', 'firewall-cmd --permanent ')}`,
      });
    fixes.push({
      platform: 'linux',
      label: `Or allow port ${port} in zone ${zone}`,
      command: `sudo firewall-cmd --zone=${zone} --add-port=${port}/tcp`,
    });
  }
  const bypass = rule.tool === 'ufw' || rule.tool === 'firewalld' ? null : netfilterBypass(block, port);
  if (bypass) fixes.push(bypass);
  return fixes;
}
