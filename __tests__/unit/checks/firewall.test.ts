import { cmd } from '@/lib/shell/script';
import { runChecks } from '@/lib/diagnosis/run-checks';
import { parseIptablesSave } from '@/lib/host/firewall/iptables';
import { mergeNetfilter } from '@/lib/host/linux/firewall';
import { parseNftRuleset } from '@/lib/host/firewall/nft';
import { parseUfwStatus } from '@/lib/host/firewall/ufw';
import type { FirewallFacts } from '@/lib/host/firewall/types';
import { attempt, failed, listener, makeFacts, ok } from '@/__tests__/support/facts';
import { find, firewall, fx, iptables, ruleset, save, scenario, source } from './firewall-fixture';

describe('firewall-blocks: a rule that certainly applies is named as the cause', () => {
  test('refused although node listens → the nft reject rule, where it lives, and how to delete it', () => {
    const d = scenario(6001, 'refused', ruleset('nft-ruleset'));
    const f = find(d, 'firewall-blocks')!;
    expect(f).toMatchObject({ severity: 'error', step: 'fix', lesson: 'firewalls' });
    expect(f.title).toBe('A firewall rule rejects connections to port 6001');
    expect(f.detail).toContain(
      "Connecting to 127.0.0.1:6001 was refused after 1 ms although node (pid 812, user dev) listens on 127.0.0.1:6001 → rule 'tcp dport { 6001, 6002 } reject with icmp port-unreachable' in table inet fw chain out (handle 17) rejects it on its way out.",
    );
    expect(f.fixes[0]).toEqual({
      platform: 'linux',
      label: "Delete the rule 'tcp dport { 6001, 6002 } reject with icmp port-unreachable'",
      command: 'sudo nft delete rule inet fw out handle 17',
      shell: 'posix',
      script: cmd('sudo', 'nft', 'delete', 'rule', 'inet', 'fw', 'out', 'handle', '17'),
    });
    expect(f.fixes[1]!.command).toBe(
      'sudo nft insert rule inet fw out position 17 oif lo tcp dport 6001 accept',
    );
    expect(d.summary.cause).toBe('firewall-blocks');
    expect(d.summary.headline).toBe(
      "A firewall rule rejects connections to port 6001. First: delete the rule 'tcp dport { 6001, 6002 } reject with icmp port-unreachable'.",
    );
  });

  test('timed out → a chain whose policy drops, because no rule before it accepts the port', () => {
    const d = scenario(22, 'timeout', ruleset('nft-ruleset'));
    const f = find(d, 'firewall-blocks')!;
    expect(f.title).toBe("The firewall's default policy drops connections to port 22");
    expect(f.detail).toContain(
      "timed out after 1500 ms although node (pid 812, user dev) listens on 127.0.0.1:22 → the default policy of chain in in table inet fw ('type filter hook input priority filter - 10; policy drop;') drops it",
    );
    expect(f.detail).toContain('a timeout, not an error message');
    expect(f.fixes.map((x) => x.command)).toEqual([
      'sudo nft insert rule inet fw in iif lo accept',
      "sudo nft chain inet fw in '{ policy accept; }'",
    ]);
    expect(d.summary.cause).toBe('firewall-blocks');
  });

  test('a drop behind an earlier accept for loopback is not named (the ufw-style lo ACCEPT comes first)', () => {
    const fw = iptables(fx('iptables-save-nft.txt'));
    const d = scenario(6543, 'timeout', fw);
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    expect(find(d, 'firewall-clear')!.detail).toContain(
      'none of the rules read drops or rejects a connection to 127.0.0.1:6543',
    );
    expect(d.summary.cause).toBe('timeout');
  });

  test('iptables: multiport in OUTPUT, raw PREROUTING, and a destination address that must match', () => {
    const fw = iptables(fx('iptables-save-nft.txt'));
    expect(find(scenario(8005, 'refused', fw), 'firewall-blocks')!.fixes[0]!.command).toBe(
      "sudo iptables -D OUTPUT -o lo -p tcp -m multiport --dports 8000:8010,9000 -m comment --comment 'no dev servers' -j REJECT --reject-with tcp-reset",
    );
    expect(find(scenario(4444, 'timeout', fw), 'firewall-blocks')!.fixes[0]!.command).toBe(
      'sudo iptables -t raw -D PREROUTING -p tcp -m tcp --dport 4444 -j DROP',
    );
    expect(find(scenario(7000, 'refused', fw), 'firewall-blocks')).toBeUndefined();
  });

  test('both loopback addresses of localhost blocked by one inet rule make one finding with both facts', () => {
    const r = parseNftRuleset(fx('nft-ruleset.json'), fx('nft-ruleset.txt'));
    const facts = makeFacts({
      target: 'localhost:6002',
      addresses: [
        { address: '::1', family: 'IPv6' },
        { address: '127.0.0.1', family: 'IPv4' },
      ],
      attempts: [attempt('::1', 6002, 'refused'), attempt('127.0.0.1', 6002, 'refused')],
    });
    const d = runChecks({
      ...facts,
      firewall: ok(firewall({ tools: ['nft'], chains: r.chains, rules: r.rules })),
    });
    const all = d.findings.filter((f) => f.id === 'firewall-blocks');
    expect(all).toHaveLength(1);
    expect(all[0]!.detail).toContain('Connecting to [::1]:6002 was refused');
    expect(all[0]!.detail).toContain('Connecting to 127.0.0.1:6002 was refused');
    // Nothing listens: the no-listener finding stays the root cause, the rule is the next thing to fix.
    expect(all[0]!.detail).toContain('nothing listens on port 6002 yet; even once something does →');
    expect(d.summary.cause).toBe('no-listener');
  });

  test('refused with nothing listening and no rule for the port: the firewall is not mentioned at all', () => {
    const facts = makeFacts({ target: '127.0.0.1:5000', attempts: [attempt('127.0.0.1', 5000, 'refused')] });
    const d = runChecks({ ...facts, firewall: ok(ruleset('nft-ruleset')) });
    expect(d.findings.filter((f) => f.id.startsWith('firewall'))).toEqual([]);
  });

  test('an address that did connect is not blocked, whatever a rule seems to say', () => {
    expect(find(scenario(6001, 'open', ruleset('nft-ruleset')), 'firewall-blocks')).toBeUndefined();
  });

  test('the policy of INPUT with no loopback accept; both fixes are iptables commands', () => {
    const f = find(
      scenario(3000, 'timeout', iptables(save(':INPUT DROP [0:0]', ':OUTPUT ACCEPT [0:0]'))),
      'firewall-blocks',
    )!;
    expect(f.detail).toContain("the default policy of chain INPUT in table filter (':INPUT DROP') drops it");
    expect(f.fixes.map((x) => x.command)).toEqual([
      'sudo iptables -I INPUT 1 -i lo -j ACCEPT',
      'sudo iptables -P INPUT ACCEPT',
    ]);
  });

  test('a rule ufw generated is fixed with ufw first (deleting it with iptables lasts until the next reload)', () => {
    const d = parseIptablesSave(
      save(
        ':INPUT ACCEPT [0:0]',
        ':ufw-user-input - [0:0]',
        '-A INPUT -j ufw-user-input',
        '-A ufw-user-input -p tcp -m tcp --dport 5000 -j DROP',
      ),
      'iptables',
    );
    const ufw = parseUfwStatus(fx('ufw-status-verbose.txt')).rules;
    const fw = firewall({ tools: ['iptables', 'ufw'], chains: d.chains, rules: [...d.rules, ...ufw] });
    const f = find(scenario(5000, 'timeout', fw), 'firewall-blocks')!;
    expect(f.fixes[0]!.command).toBe('sudo ufw delete deny 5000/tcp');
    expect(f.fixes[1]!.command).toBe('sudo iptables -D ufw-user-input -p tcp -m tcp --dport 5000 -j DROP');
    expect(f.detail).toContain('The rule is generated by ufw');
  });

  test('an earlier rule it cannot evaluate is mentioned: it might let the connection through first', () => {
    const fw = iptables(
      save(
        ':INPUT ACCEPT [0:0]',
        '-A INPUT -m owner --uid-owner 1000 -j ACCEPT',
        '-A INPUT -p tcp -m tcp --dport 5000 -j DROP',
      ),
    );
    const f = find(scenario(5000, 'timeout', fw), 'firewall-blocks')!;
    expect(f.detail).toContain("might let it through first: '-A INPUT -m owner --uid-owner 1000 -j ACCEPT'");
  });

  test('iptables-nft and ip6tables side by side: ::1 is rejected by the ip6tables rule only', () => {
    const v6 = parseIptablesSave(fx('ip6tables-save-nft.txt'), 'ip6tables');
    const merged = mergeNetfilter(null, [v6]);
    const facts = makeFacts({
      target: '[::1]:5000',
      listeners: [listener('::1', 5000)],
      attempts: [attempt('::1', 5000, 'refused')],
    });
    const d = runChecks({ ...facts, firewall: ok(firewall({ tools: ['ip6tables'], ...merged })) });
    expect(find(d, 'firewall-blocks')!.fixes[0]!.command).toBe(
      'sudo ip6tables -D INPUT -i lo -p tcp -m tcp --dport 5000 -j REJECT --reject-with tcp-reset',
    );
  });
});

describe('firewall-unreadable: without the rights to read rules, say so; guess nothing', () => {
  const denied = (): FirewallFacts => ({
    sources: [source('nft', 'denied'), source('iptables', 'denied')],
    chains: [],
    rules: [],
    skippedInterfaces: [],
    notes: [],
  });

  test('timed out although something listens, rules unreadable → a warning with the exact sudo commands', () => {
    const d = scenario(5000, 'timeout', denied());
    const f = find(d, 'firewall-unreadable')!;
    expect(f.severity).toBe('warning');
    expect(f.detail).toContain(
      'Connecting to 127.0.0.1:5000 timed out after 1500 ms although node (pid 812, user dev) listens on 127.0.0.1:5000',
    );
    expect(f.detail).toContain('nft (fixture) said "Operation not permitted (you must be root)"');
    expect(f.fixes.map((x) => x.command)).toEqual([
      "sudo nft '(fixture)'",
      "sudo iptables '(fixture)'",
      'sudo npm run doctor -- 127.0.0.1:5000',
      'sudo npm run doctor -- 127.0.0.1:5000',
    ]);
    expect(find(d, 'firewall-blocks')).toBeUndefined();
    expect(d.summary.cause).toBe('timeout');
  });

  test('firewalld refusing a non-root query does not matter when the kernel rules were read', () => {
    const fw: FirewallFacts = { ...denied(), sources: [source('nft'), source('firewalld', 'denied')] };
    const d = scenario(5000, 'timeout', fw);
    expect(find(d, 'firewall-unreadable')).toBeUndefined();
    expect(find(d, 'firewall-clear')).toBeDefined();
  });

  test('nothing listens: a refusal needs no firewall to explain it, so nothing is said', () => {
    const facts = makeFacts({ target: '127.0.0.1:5000', attempts: [attempt('127.0.0.1', 5000, 'refused')] });
    expect(find(runChecks({ ...facts, firewall: ok(denied()) }), 'firewall-unreadable')).toBeUndefined();
  });

  test('the reader itself failed: the warning quotes why', () => {
    const d = scenario(5000, 'refused', denied(), {
      firewall: failed('no answer within 5000 ms', 'firewall rules'),
    });
    expect(find(d, 'firewall-unreadable')!.detail).toContain(
      'reading them failed (firewall rules: no answer within 5000 ms)',
    );
  });

  test('fixture facts without firewall tools stay silent', () => {
    const d = runChecks(
      makeFacts({
        listeners: [listener('127.0.0.1', 3000)],
        attempts: [attempt('127.0.0.1', 3000, 'timeout')],
      }),
    );
    expect(d.findings.filter((f) => f.id.startsWith('firewall'))).toEqual([]);
  });
});
