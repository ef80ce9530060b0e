import { iptablesToRun, outlineNftJson } from '@/lib/host/linux/firewall-plan';

const empty = outlineNftJson('{"nftables":[{"metainfo":{"version":"1.0.6"}}]}');
const withIpFilter = outlineNftJson(
  JSON.stringify({
    nftables: [
      { table: { family: 'ip', name: 'filter', handle: 1 } },
      { rule: { family: 'ip', table: 'filter', chain: 'INPUT', handle: 4, expr: [] } },
    ],
  }),
);
const unknownLegacy = { ip: null, ip6: null };

describe('which iptables dumps a firewall read starts', () => {
  test('an empty nft ruleset and no legacy tables: none (nft alone answers)', () => {
    expect(
      iptablesToRun({
        nft: empty,
        legacy: { ip: false, ip6: false },
        defaultIsLegacy: { ip: false, ip6: false },
      }),
    ).toEqual({ iptables: false, ip6tables: false, 'iptables-legacy': false, 'ip6tables-legacy': false });
  });

  test('an ip table written by iptables-nft: iptables-save runs for its family', () => {
    expect(withIpFilter).toEqual({ rules: 1, families: new Set(['ip']) });
    const plan = iptablesToRun({
      nft: withIpFilter,
      legacy: { ip: false, ip6: false },
      defaultIsLegacy: { ip: false, ip6: false },
    });
    expect(plan).toMatchObject({ iptables: true, ip6tables: false });
  });

  test('nothing readable (not root, no nft): every dump runs, as before', () => {
    expect(iptablesToRun({ nft: null, legacy: unknownLegacy, defaultIsLegacy: unknownLegacy })).toEqual({
      iptables: true,
      ip6tables: true,
      'iptables-legacy': true,
      'ip6tables-legacy': true,
    });
  });

  test('a legacy default iptables-save follows the legacy tables, not nft', () => {
    const plan = iptablesToRun({
      nft: empty,
      legacy: { ip: true, ip6: false },
      defaultIsLegacy: { ip: true, ip6: true },
    });
    expect(plan).toMatchObject({ iptables: true, ip6tables: false, 'iptables-legacy': true });
  });
});
