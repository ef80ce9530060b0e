/**
 * Pure builders, from argument lists: the commands that remove a blocking rule, or let loopback traffic to one port
 * through it, in the syntax of the tool that holds it. Linux and macOS commands need root, so they start
 * with sudo; Windows ones are labelled for an elevated prompt.
 */
import type { Fix, Platform } from '@/lib/diagnosis/types';
import { TOOL_PLATFORM } from '@/lib/host/firewall/tool-platform';
import type { FirewallFacts, FirewallRule, FirewallTool } from '@/lib/host/firewall/types';
import type { FirewallBlock } from '@/lib/diagnosis/firewall/match';
import { cmdFix, shellFix } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';

export function platformOf(tool: FirewallTool): Platform {
  return TOOL_PLATFORM[tool];
}

/**
 * A command of `tool` run with the rights it needs: Linux and macOS through sudo; Windows ones from an
 * elevated terminal, netsh in cmd's syntax (PowerShell's when cmd cannot carry a rule's name), the
 * PowerShell cmdlets in PowerShell's.
 */
export function elevatedFix(tool: FirewallTool, label: string, argv: readonly string[]): Fix {
  const platform = platformOf(tool);
  if (platform === 'any' || platform === 'win32')
    return tool === 'netsh'
      ? cmdFix(label, cmd(...argv))
      : shellFix('win32', label, cmd(...argv), 'powershell');
  return shellFix(platform, label, cmd('sudo', ...argv));
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
  const label = rule
    ? `Or let loopback connections to port ${port} through, just before that rule`
    : 'Accept loopback traffic first, as most firewalls do';
  if (tool === 'nft') {
    // nft names its table "family name" in one place of the rule model: two arguments on its command line.
    const where = rule?.handle ? ['position', String(rule.handle)] : [];
    const match = [inSide ? 'iif' : 'oif', 'lo', ...(rule ? ['tcp', 'dport', String(port)] : [])];
    return shellFix(
      'linux',
      label,
      cmd('sudo', 'nft', 'insert', 'rule', ...table.split(' '), chain, ...where, ...match, 'accept'),
    );
  }
  const t = table === 'filter' ? [] : ['-t', table];
  const position = rule ? rule.position : 1;
  const scoped = rule ? ['-p', 'tcp', '--dport', String(port)] : [];
  return shellFix(
    'linux',
    label,
    cmd(
      'sudo',
      tool,
      ...t,
      '-I',
      chain,
      String(position),
      inSide ? '-i' : '-o',
      'lo',
      ...scoped,
      '-j',
      'ACCEPT',
    ),
  );
}

function windowsFixes(rule: FirewallRule): Fix[] {
  if (!rule.remove) return [];
  const [program, ...args] = rule.remove;
  const name = args.find((a) => a.startsWith('name='));
  const disable =
    program === 'Remove-NetFirewallRule'
      ? ['Disable-NetFirewallRule', ...args]
      : name !== undefined
        ? ['netsh', 'advfirewall', 'firewall', 'set', 'rule', name, 'new', 'enable=no']
        : null;
  const fixes = [elevatedFix(rule.tool, 'Delete the rule (in an elevated terminal)', rule.remove)];
  if (disable) fixes.push(elevatedFix(rule.tool, 'Or only switch it off (in an elevated terminal)', disable));
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
      fixes.push(
        elevatedFix(
          chain.tool,
          `Or set the default policy of chain ${chain.name} to accept`,
          chain.policyFix,
        ),
      );
    return fixes;
  }
  const platform = platformOf(rule.tool);
  if (platform === 'win32') return windowsFixes(rule);
  if (rule.tool === 'pf')
    return [
      elevatedFix(
        'pf',
        `Delete the line '${rule.text}' from /etc/pf.conf (or the anchor file that holds it), then reload the rules`,
        ['pfctl', '-f', '/etc/pf.conf'],
      ),
      elevatedFix('pf', 'Or switch pf off until you switch it on again (sudo pfctl -e)', ['pfctl', '-d']),
    ];
  const fixes: Fix[] = [];
  const front = frontendRule(facts, rule);
  if (front?.remove)
    fixes.push(
      elevatedFix(
        front.tool,
        `Delete the ${front.tool} rule '${front.text}' (lasting: ${front.tool} re-creates its kernel rules on reload)`,
        front.remove,
      ),
    );
  if (rule.remove) fixes.push(elevatedFix(rule.tool, `Delete the rule '${rule.text}'`, rule.remove));
  if (rule.tool === 'firewalld') {
    const zone = rule.table.replace(/^zone /, '');
    if (rule.remove)
      fixes.push(
        elevatedFix('firewalld', 'Keep it deleted after a reload', [
          rule.remove[0]!,
          '--permanent',
          ...rule.remove.slice(1),
        ]),
      );
    fixes.push(
      elevatedFix('firewalld', `Or allow port ${port} in zone ${zone}`, [
        'firewall-cmd',
        `--zone=${zone}`,
        `--add-port=${port}/tcp`,
      ]),
    );
  }
  const bypass = rule.tool === 'ufw' || rule.tool === 'firewalld' ? null : netfilterBypass(block, port);
  if (bypass) fixes.push(bypass);
  return fixes;
}
