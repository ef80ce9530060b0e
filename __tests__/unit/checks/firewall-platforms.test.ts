import { firewalldRules, parseFirewalldZones } from '@/lib/host/firewall/firewalld';
import { parsePfRules, parsePfSkipped } from '@/lib/host/firewall/pf';
import { parsePowerShellRules } from '@/lib/host/firewall/powershell';
import type { FirewallRule } from '@/lib/host/firewall/types';
import { windowsRules } from '@/lib/host/firewall/windows';
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

  test('Windows: a block rule for the port, with Remove- and Disable-NetFirewallRule', () => {
    const fw = firewall({
      tools: ['powershell'],
      rules: windowsRules(parsePowerShellRules(fx('powershell-block-rules.json'))),
    });
    const f = find(scenario(5000, 'timeout', fw, { platform: 'win32' }), 'firewall-blocks')!;
    expect(f.fixes.map((x) => x.command)).toEqual([
      "Remove-NetFirewallRule -Name '{8A2B9C1D-4E5F-4A6B-9C8D-1E2F3A4B5C6D}'",
      "Disable-NetFirewallRule -Name '{8A2B9C1D-4E5F-4A6B-9C8D-1E2F3A4B5C6D}'",
    ]);
  });

  test('Windows: a block rule for one program is only a possibility, never the named cause', () => {
    const fw = firewall({
      tools: ['powershell'],
      rules: windowsRules(parsePowerShellRules(fx('powershell-block-rules.json'))),
    });
    const d = scenario(3000, 'timeout', fw, { platform: 'win32' });
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    const f = find(d, 'firewall-uncertain')!;
    expect(f.severity).toBe('warning');
    expect(f.detail).toContain('program C:\\program files\\nodejs\\node.exe');
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
