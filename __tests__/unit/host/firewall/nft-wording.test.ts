import { indexNftText, parseNftRuleset } from '@/lib/host/firewall/nft';
import { substituteValues, wordingKeys, wordingMemory } from '@/lib/host/firewall/nft-wording';
import { fwFixture } from './fixture';

const json = fwFixture('nft-ruleset.json');
const text = fwFixture('nft-ruleset.txt');

/** The fixture with one rule's content changed, its handle kept (what `nft replace rule` does). */
function replaced(handle: number): string {
  const parsed = JSON.parse(json) as { nftables: { rule?: { handle: number; expr: unknown[] } }[] };
  const rule = parsed.nftables.find((i) => i.rule?.handle === handle)!.rule!;
  rule.expr = [...rule.expr, { counter: { packets: 0, bytes: 0 } }];
  return JSON.stringify(parsed);
}

describe('nft wording memory', () => {
  const t0 = 1_700_000_000_000;

  it('words a ruleset seen before exactly as the text listing did', () => {
    const memory = wordingMemory();
    const keys = wordingKeys(json)!;
    expect(memory.recall(keys, t0)).toBeNull();
    memory.learn(keys, indexNftText(text), t0);
    const recalled = memory.recall(wordingKeys(json)!, t0 + 1000)!;
    expect(parseNftRuleset(json, recalled)).toEqual(parseNftRuleset(json, text));
  });

  it('does not recall when one rule was replaced under the same handle', () => {
    const memory = wordingMemory();
    memory.learn(wordingKeys(json)!, indexNftText(text), t0);
    const handle = parseNftRuleset(json, text).rules[0]!.handle!;
    expect(memory.recall(wordingKeys(replaced(handle))!, t0 + 1000)).toBeNull();
  });

  it('forgets after ten minutes, so the listing runs again now and then', () => {
    const memory = wordingMemory();
    memory.learn(wordingKeys(json)!, indexNftText(text), t0);
    expect(memory.recall(wordingKeys(json)!, t0 + 9 * 60_000)).not.toBeNull();
    expect(memory.recall(wordingKeys(json)!, t0 + 11 * 60_000)).toBeNull();
  });

  it('keys every rule of the IP families, and nothing for an answer that is not nft JSON', () => {
    const rules = parseNftRuleset(json, text).rules;
    expect(wordingKeys(json)!.size).toBeGreaterThanOrEqual(rules.length);
    expect(wordingKeys('Operation not permitted')).toBeNull();
  });
});

describe('substituteValues (a rule of a worded shape, with other values)', () => {
  it('puts each new value where the old one stood', () => {
    expect(substituteValues('iif "lo" tcp dport 41000 reject', ['lo', 41000], ['lo', 41001])).toBe(
      'iif "lo" tcp dport 41001 reject',
    );
    expect(
      substituteValues(
        'ip saddr 10.0.0.0/8 tcp dport 1000-2000 drop',
        ['10.0.0.0', 8, 1000, 2000],
        ['192.168.0.0', 16, 3000, 4000],
      ),
    ).toBe('ip saddr 192.168.0.0/16 tcp dport 3000-4000 drop');
    expect(
      substituteValues('ip6 daddr ::1 counter packets 3 bytes 180 drop', ['::1', 3, 180], ['::2', 4, 240]),
    ).toBe('ip6 daddr ::2 counter packets 4 bytes 240 drop');
  });

  it('refuses when an old value is not one whole word of the wording, or stands twice', () => {
    // nft prints a mark in hex: the value 1 is not a word of it (and must not hit the address ::1).
    expect(substituteValues('ip6 daddr ::1 meta mark 0x00000001 drop', ['::1', 1], ['::1', 2])).toBeNull();
    // The same port on both sides: which one changed cannot be told from the wording.
    expect(substituteValues('tcp sport 80 tcp dport 80 accept', [80, 80], [80, 81])).toBeNull();
    expect(substituteValues('tcp dport 80 accept', [80], [81])).toBe('tcp dport 81 accept');
    expect(substituteValues('tcp dport 8080 accept', [80], [81])).toBeNull();
    expect(substituteValues('iifname "a b" accept', ['a b'], ['c'])).toBeNull();
  });
});

describe('wording memory by shape', () => {
  it('words a rule that differs only in its port from the worded one, and not one that differs in more', () => {
    const rule = (port: number, verdict = 'drop') =>
      JSON.stringify({
        nftables: [
          { table: { family: 'inet', name: 'f', handle: 1 } },
          {
            rule: {
              family: 'inet',
              table: 'f',
              chain: 'input',
              handle: port,
              expr: [
                { match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: port } },
                { [verdict]: null },
              ],
            },
          },
        ],
      });
    const memory = wordingMemory();
    memory.learn(wordingKeys(rule(41000))!, new Map([['inet|f|input|41000', 'tcp dport 41000 drop']]));
    expect([...memory.recall(wordingKeys(rule(41001))!)!.values()]).toEqual(['tcp dport 41001 drop']);
    expect(memory.recall(wordingKeys(rule(41001, 'accept'))!)).toBeNull();
  });
});
