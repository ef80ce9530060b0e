import { parseAlfState } from '@/lib/host/firewall/alf';
import { parseNetshRules } from '@/lib/host/firewall/netsh';
import { parsePfEnabled, parsePfRule, parsePfRules, parsePfSkipped } from '@/lib/host/firewall/pf';
import { parsePowerShellRules } from '@/lib/host/firewall/powershell';
import { windowsRules } from '@/lib/host/firewall/windows';
import { fwFixture } from './fixture';

describe('pfctl (macOS)', () => {
  const rules = () => parsePfRules(fwFixture('pfctl-rules.txt'));

  test('status, skipped interfaces and the application firewall state', () => {
    expect(parsePfEnabled(fwFixture('pfctl-info.txt'))).toBe(true);
    expect(parsePfEnabled('Status: Disabled for 0 days 00:00:00')).toBe(false);
    expect(parsePfSkipped(fwFixture('pfctl-interfaces-skip.txt'))).toEqual(['lo0']);
    expect(parseAlfState(fwFixture('socketfilterfw-enabled.txt'))).toEqual({
      enabled: true,
      blockAll: false,
    });
    expect(parseAlfState('Firewall is disabled. (State = 0)')).toEqual({ enabled: false, blockAll: false });
  });

  test('pass and block rules in order; anchors and scrub lines are not rules', () => {
    expect(rules()).toHaveLength(9);
    expect(rules()[0]).toMatchObject({
      text: 'block drop in quick on lo0 proto tcp from any to any port = 5000',
      direction: 'input',
      quick: true,
      action: { kind: 'drop' },
      location: 'pf main ruleset, rule 1 of pfctl -s rules (loaded from /etc/pf.conf or an anchor)',
      remove: null,
    });
    expect(rules()[0]!.match).toMatchObject({
      protocol: 'tcp',
      inInterface: { names: ['lo0'], negated: false },
      dports: { ranges: [{ low: 5000, high: 5000 }], negated: false },
    });
  });

  test('return means reject; ranges, addresses, families and negated interfaces are read', () => {
    const r = rules()[1]!;
    expect(r.action).toEqual({ kind: 'reject', with: 'return' });
    expect(r.family).toBe('ipv4');
    expect(r.match.dports?.ranges).toEqual([{ low: 8000, high: 8010 }]);
    expect(r.match.destination).toEqual({ cidrs: ['127.0.0.1'], negated: false });
    expect(rules()[5]).toMatchObject({ family: 'ipv6', direction: 'output' });
    expect(rules()[7]!.match.inInterface).toEqual({ names: ['lo0'], negated: true });
  });

  test('a table or an interface address is a condition it cannot evaluate', () => {
    expect(rules()[6]!.match.unknown).toEqual(['from <blocklist>']);
  });

  test('port operators', () => {
    expect(parsePfRule('block in proto tcp from any to any port 3000 >< 3005')!.match.dports).toEqual({
      ranges: [{ low: 3001, high: 3004 }],
      negated: false,
    });
    expect(parsePfRule('block in proto tcp from any to any port != 22')!.match.dports?.negated).toBe(true);
    expect(parsePfRule('block in proto tcp from any to any port > 1023')!.match.dports?.ranges).toEqual([
      { low: 1024, high: 65535 },
    ]);
    expect(parsePfRule('block in all')!.match).toMatchObject({ dports: null, unknown: [] });
    expect(parsePfRule('anchor "com.apple/*" all')).toBeNull();
  });

  test('-vv output: rule numbers and statistics lines', () => {
    const text =
      '@0 block drop in quick on lo0 proto tcp from any to any port = 5000\n  [ Evaluations: 12 Packets: 3 ]\n';
    expect(parsePfRules(text).map((r) => r.text)).toEqual([
      'block drop in quick on lo0 proto tcp from any to any port = 5000',
    ]);
  });
});

describe('Windows Defender Firewall', () => {
  test('netsh show rule verbose: every rule, enabled or not', () => {
    const fields = parseNetshRules(fwFixture('netsh-show-rule-verbose.txt'));
    expect(fields).toHaveLength(7);
    expect(fields[0]).toMatchObject({
      name: 'Block dev server 5000',
      enabled: true,
      direction: 'In',
      action: 'Block',
      protocol: 'TCP',
      localPort: '5000',
      program: 'Any',
    });
    expect(fields[1]!.program).toBe('C:\\Program Files\\nodejs\\node.exe');
  });

  test('netsh rules become the model: disabled ones dropped, program and keyword conditions uncertain', () => {
    const rules = windowsRules(parseNetshRules(fwFixture('netsh-show-rule-verbose.txt')));
    expect(rules).toHaveLength(6);
    expect(rules[0]).toMatchObject({
      tool: 'netsh',
      direction: 'input',
      action: { kind: 'drop' },
      location:
        'Windows Defender Firewall, inbound rule "Block dev server 5000" (profiles Domain,Private,Public)',
      remove: ['netsh', 'advfirewall', 'firewall', 'delete', 'rule', 'name=Block dev server 5000', 'dir=in'],
    });
    expect(rules[0]!.match.dports?.ranges).toEqual([{ low: 5000, high: 5000 }]);
    expect(rules[1]!.match.unknown).toEqual(['program C:\\Program Files\\nodejs\\node.exe']);
    const out = rules.find((r) => r.text.startsWith('Block debugger port'))!;
    expect(out.direction).toBe('output');
    expect(out.match.dports?.ranges).toEqual([{ low: 9229, high: 9229 }]);
    expect(out.match.destination).toEqual({ cidrs: ['127.0.0.1/32'], negated: false });
    const rpc = rules.find((r) => r.text.startsWith('Block RPC'))!;
    expect(rpc.match.unknown).toEqual(['LocalPort RPC', 'RemoteIP LocalSubnet']);
    expect(rules.find((r) => r.text.startsWith('Block 6000'))!.match.dports?.ranges).toEqual([
      { low: 6000, high: 6010 },
      { low: 7000, high: 7000 },
    ]);
  });

  test('PowerShell JSON: arrays, single values and the 5.1 {"value": …} wrapper', () => {
    const rules = windowsRules(parsePowerShellRules(fwFixture('powershell-block-rules.json')));
    expect(rules).toHaveLength(4);
    expect(rules[0]).toMatchObject({
      tool: 'powershell',
      remove: ['Remove-NetFirewallRule', '-Name', '{8A2B9C1D-4E5F-4A6B-9C8D-1E2F3A4B5C6D}'],
      text: 'Block dev server 5000: In Protocol=TCP LocalPort=5000 RemotePort=Any Action=Block',
    });
    expect(rules[2]!.match.dports?.ranges).toEqual([
      { low: 9229, high: 9229 },
      { low: 9230, high: 9230 },
    ]);
    expect(rules[3]!.match.dports?.ranges).toEqual([
      { low: 6000, high: 6010 },
      { low: 7000, high: 7000 },
    ]);
    expect(parsePowerShellRules(fwFixture('powershell-one-rule.json'))).toHaveLength(1);
    expect(parsePowerShellRules('')).toEqual([]);
  });
});
