import { posixCommand } from '@/lib/shell/script';
import { parseNftRuleset, indexNftText } from '@/lib/host/firewall/nft';
import { fwFixture } from './fixture';

const ruleset = () => parseNftRuleset(fwFixture('nft-ruleset.json'), fwFixture('nft-ruleset.txt'));
const byHandle = (handle: number) => ruleset().rules.find((r) => r.handle === handle)!;

describe('nft -j list ruleset (captured from nftables 1.0.6)', () => {
  test('every rule keeps the text nft prints, where it lives and the command that deletes it', () => {
    const r = byHandle(8);
    expect(r.text).toBe(
      'ip daddr 127.0.0.0/8 tcp dport @blocked counter packets 0 bytes 0 reject with icmp port-unreachable',
    );
    expect(r.location).toBe('table inet fw chain in (handle 8)');
    expect(posixCommand(r.remove!)).toBe('nft delete rule inet fw in handle 8');
    expect(r.table).toBe('inet fw');
    expect(r.chain).toBe('in');
  });

  test('a named set is expanded into the port ranges it holds, and "ip daddr" narrows an inet rule to IPv4', () => {
    const r = byHandle(8);
    expect(r.match.dports).toEqual({
      ranges: [
        { low: 7100, high: 7100 },
        { low: 7200, high: 7205 },
      ],
      negated: false,
    });
    expect(r.match.destination).toEqual({ cidrs: ['127.0.0.0/8'], negated: false });
    expect(r.family).toBe('ipv4');
    expect(r.action).toEqual({ kind: 'reject', with: 'icmp port-unreachable' });
  });

  test('negation, interfaces, conntrack states, jumps and gotos are all read', () => {
    expect(byHandle(7).match).toMatchObject({
      protocol: 'tcp',
      dports: { ranges: [{ low: 22, high: 22 }], negated: true },
      inInterface: { names: ['lo'], negated: false },
    });
    expect(byHandle(5).match.ctStates).toEqual(['established', 'related']);
    expect(byHandle(10).action).toEqual({ kind: 'jump', chain: 'sub' });
    expect(byHandle(15).action).toEqual({ kind: 'goto', chain: 'sub' });
    expect(byHandle(15).match.outInterface).toEqual({ names: ['lo'], negated: false });
    expect(byHandle(13).match.source).toEqual({ cidrs: ['10.0.0.0/8', '127.0.0.1'], negated: false });
  });

  test('"th dport" matches any transport, and an ip6 address makes the rule IPv6-only', () => {
    const r = byHandle(9);
    expect(r.match.protocol).toBeNull();
    expect(r.match.dports?.ranges).toEqual([{ low: 5000, high: 5000 }]);
    expect(r.family).toBe('ipv6');
  });

  test('conditions it does not model (rate limits, tcp flags) are kept as unknown, never dropped', () => {
    expect(byHandle(11).match.unknown).toEqual(['payload tcp flags in "syn"', 'limit rate 10/second']);
  });

  test('base chains carry hook, priority, policy, the policy line and how to open it', () => {
    const input = ruleset().chains.find((c) => c.name === 'in')!;
    expect(input).toMatchObject({ hook: 'input', priority: -10, policy: 'drop', type: 'filter' });
    expect(input.policyText).toBe('type filter hook input priority filter - 10; policy drop;');
    expect(posixCommand(input.policyFix!)).toBe("nft chain inet fw in '{ policy accept; }'");
    expect(ruleset().chains.find((c) => c.name === 'sub')!.hook).toBeNull();
  });

  test('without the text listing the rule is rendered from the JSON', () => {
    const r = parseNftRuleset(fwFixture('nft-ruleset.json')).rules.find((x) => x.handle === 7)!;
    expect(r.text).toBe('iifname "lo" tcp dport != 22 accept');
  });

  test('iptables-nft tables show up in nft too, with ufw chains marked as managed by ufw', () => {
    const r = parseNftRuleset(
      fwFixture('nft-with-iptables-nft.json'),
      fwFixture('nft-with-iptables-nft.txt'),
    );
    const ufw = r.rules.find((x) => x.chain === 'ufw-user-input' && x.action.kind === 'drop')!;
    expect(ufw.text).toBe('tcp dport 5000 counter packets 0 bytes 0 drop');
    expect(ufw.managedBy).toBe('ufw');
  });

  test('something that is not a ruleset is an error, not an empty firewall', () => {
    expect(() => parseNftRuleset('{"error": 1}')).toThrow('not an nftables ruleset');
    expect(() => parseNftRuleset('Operation not permitted')).toThrow();
  });

  test('the text index skips sets, whose elements carry no rule handle', () => {
    const index = indexNftText(fwFixture('nft-ruleset.txt'));
    expect(index.get('inet|fw|in|5')).toBe('ct state established,related accept');
    expect([...index.keys()].some((k) => k.includes('blocked'))).toBe(false);
  });
});
