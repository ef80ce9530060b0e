import { indexNftText, parseNftRuleset } from '@/lib/host/firewall/nft';
import { wordingKeys, wordingMemory } from '@/lib/host/firewall/nft-wording';
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
