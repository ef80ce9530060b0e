import { firewalldRules, parseFirewalldZones } from '@/lib/host/firewall/firewalld';
import { parsePfRules, parsePfSkipped } from '@/lib/host/firewall/pf';
import { parsePowerShellRules } from '@/lib/host/firewall/powershell';
import type { FirewallRule } from '@/lib/host/firewall/types';
import { WINDOWS_LOOPBACK_NOTE, windowsRules } from '@/lib/host/firewall/windows';
import { readWin32Firewall } from '@/lib/host/win32/firewall';
import { findFirewallBlock } from '@/lib/diagnosis/firewall/match';
import { firewallFixes } from '@/lib/diagnosis/firewall/fixes';
import { find, firewall, fx, iptables, save, scenario } from './firewall-fixture';

describe('other firewalls', () => {
  test('macOS pf: a quick block on lo0, fixed by editing pf.conf and reloading', () => {
    const fw = firewall({ tools: ['pf'], rules: parsePfRules(fx('pfctl-rules.txt')) });
    const d = scenario(5000, 'timeout', fw, { platform: 'darwin' });
    const f = find(d, 'firewall-blocks')!;
    expect(f.detail).toContain(
      "rule 'block drop in quick on lo0 proto tcp from any to any port = 5000' in pf main ruleset",
    );
    expect(f.fixes.map((x) => x.command)).toEqual(['sudo pfctl -f /etc/pf.conf', 'sudo pfctl -d']);
    expect(d.summary.firstFix?.platform).toBe('darwin');
  });

  test('pf: the last matching rule wins (a later pass undoes a block), and "set skip on lo0" exempts loopback', () => {
    const rules = parsePfRules(fx('pfctl-rules.txt'));
    expect(
      find(
        scenario(9229, 'timeout', firewall({ tools: ['pf'], rules }), { platform: 'darwin' }),
        'firewall-blocks',
      ),
    ).toBeUndefined();
    const skipped = firewall({
      tools: ['pf'],
      rules,
      skippedInterfaces: parsePfSkipped(fx('pfctl-interfaces-skip.txt')),
    });
    expect(
      find(scenario(5000, 'timeout', skipped, { platform: 'darwin' }), 'firewall-blocks'),
    ).toBeUndefined();
  });

  // Windows Defender Firewall does not filter loopback (Microsoft KB 2771908): a block rule there is never
  // the cause of a failed loopback connection, nor a possible one.
  const windowsFirewall = () =>
    firewall({
      tools: ['powershell'],
      rules: windowsRules(parsePowerShellRules(fx('powershell-block-rules.json'))),
      notes: [WINDOWS_LOOPBACK_NOTE], // as readWin32Firewall reports it
    });

  test.each([
    ['a block rule for the port', 5000],
    ['a block rule for a port range', 6005],
    ['an outbound block to 127.0.0.1:9229', 9229],
  ])('Windows: %s is never named as the cause of a loopback failure, and the finding says why', (_, port) => {
    const d = scenario(port, 'timeout', windowsFirewall(), { platform: 'win32' });
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    expect(find(d, 'firewall-uncertain')).toBeUndefined();
    const clear = find(d, 'firewall-clear')!;
    expect(clear.detail).toContain('does not filter loopback traffic (Microsoft KB 2771908)');
    expect(d.summary.cause).not.toBe('firewall-blocks');
  });

  test('Windows: a block rule for one program is not even a possibility on loopback', () => {
    const d = scenario(3000, 'timeout', windowsFirewall(), { platform: 'win32' });
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    expect(find(d, 'firewall-uncertain')).toBeUndefined();
    expect(find(d, 'firewall-clear')).toBeDefined();
  });

  test('Windows rules still match traffic that is not loopback, with Remove- and Disable-NetFirewallRule', () => {
    const fw = windowsFirewall();
    const lan = {
      family: 'ipv4',
      source: '192.168.1.20',
      destination: '192.168.1.5',
      dport: 5000,
      iface: 'Ethernet',
    } as const;
    const { block } = findFirewallBlock(fw, lan);
    expect(block?.rule?.text).toContain('Block dev server 5000');
    expect(firewallFixes(fw, block!, 5000).map((x) => x.command)).toEqual([
      "Remove-NetFirewallRule -Name '{8A2B9C1D-4E5F-4A6B-9C8D-1E2F3A4B5C6D}'",
      "Disable-NetFirewallRule -Name '{8A2B9C1D-4E5F-4A6B-9C8D-1E2F3A4B5C6D}'",
    ]);
    expect(findFirewallBlock(fw, { ...lan, source: '127.0.0.1', destination: '127.0.0.1' }).block).toBeNull();
  });

  test('reading the Windows firewall always carries the loopback note (here: neither tool is installed)', async () => {
    if (process.platform === 'win32') return; // there the real tools answer; the note is added all the same
    expect((await readWin32Firewall()).notes).toContain(WINDOWS_LOOPBACK_NOTE);
  });

  test('firewalld alone (kernel rules unreadable): zones never see loopback, firewalld accepts lo first', () => {
    const rules: FirewallRule[] = firewalldRules(parseFirewalldZones(fx('firewalld-list-all-zones.txt')));
    const d = scenario(4000, 'refused', firewall({ tools: ['firewalld'], rules }));
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    expect(find(d, 'firewall-clear')).toBeDefined();
  });

  test('a rate-limited drop may or may not apply: a warning that says which condition, not a cause', () => {
    const fw = iptables(
      save(':INPUT ACCEPT [0:0]', '-A INPUT -p tcp -m tcp --dport 5000 -m limit --limit 5/min -j DROP'),
    );
    const d = scenario(5000, 'timeout', fw);
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    expect(find(d, 'firewall-uncertain')!.detail).toContain(
      'under conditions this check cannot evaluate: --limit 5/min',
    );
    expect(d.summary.cause).toBe('timeout');
  });
});
