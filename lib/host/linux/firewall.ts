import 'server-only';
import { FIREWALLD_ARGS, firewalldRules, parseFirewalldZones } from '@/lib/host/firewall/firewalld';
import { parseIptablesSave, type IptablesDump, type IptablesTool } from '@/lib/host/firewall/iptables';
import {
  indexNftText,
  NFT_JSON_ARGS,
  NFT_TEXT_ARGS,
  parseNftRuleset,
  type Ruleset,
} from '@/lib/host/firewall/nft';
import { nftJsonOf, type Json } from '@/lib/host/firewall/nft-expr';
import { wordingKeys, wordingMemory } from '@/lib/host/firewall/nft-wording';
import {
  answered,
  runTool,
  succeeded,
  unanswered,
  type ToolAnswer,
  type ToolRunner,
} from '@/lib/host/firewall/run';
import type { FirewallFacts, FirewallSource } from '@/lib/host/firewall/types';
import { parseUfwStatus, UFW_ARGS } from '@/lib/host/firewall/ufw';
import {
  iptablesToRun,
  isLegacyBinary,
  legacyTablesLoaded,
  outlineNftJson,
  type NftOutline,
  type ToolPlanInputs,
} from '@/lib/host/linux/firewall-plan';

/**
 * iptables-nft writes its rules into nft tables (ip filter, ip6 filter…), so both tools print them. The
 * iptables view is kept for those tables: it shows every match iptables knows (nft -j only says "xt
 * multiport"), and its -D command is what the person who wrote the rule expects. A legacy dump duplicates
 * `iptables-save` when that is itself the legacy binary.
 */
export function mergeNetfilter(nft: Ruleset | null, dumps: IptablesDump[]): Ruleset {
  const shadowed = new Set<string>();
  for (const d of dumps) {
    if (d.backend === 'nf_tables') {
      const family = d.tool.startsWith('ip6') ? 'ip6' : 'ip';
      d.tables.forEach((t) => shadowed.add(`${family} ${t}`));
    }
  }
  const legacyIsDefault = (tool: IptablesTool) =>
    dumps.some((d) => d.backend === 'legacy' && d.tool === tool);
  const kept = dumps.filter((d) => {
    if (d.tool === 'iptables-legacy') return !legacyIsDefault('iptables');
    if (d.tool === 'ip6tables-legacy') return !legacyIsDefault('ip6tables');
    return true;
  });
  return {
    chains: [...(nft?.chains ?? []).filter((c) => !shadowed.has(c.table)), ...kept.flatMap((d) => d.chains)],
    rules: [...(nft?.rules ?? []).filter((r) => !shadowed.has(r.table)), ...kept.flatMap((d) => d.rules)],
  };
}

const IPTABLES: [IptablesTool, string][] = [
  ['iptables', 'iptables-save'],
  ['ip6tables', 'ip6tables-save'],
  ['iptables-legacy', 'iptables-legacy-save'],
  ['ip6tables-legacy', 'ip6tables-legacy-save'],
];

function readNft(
  json: ToolAnswer | null,
  parsed: Json | null,
  wording: Map<string, string>,
  sources: FirewallSource[],
): Ruleset | null {
  if (!json) return null;
  if (!succeeded(json)) {
    sources.push(unanswered('linux', 'nft', json));
    return null;
  }
  try {
    const ruleset = parseNftRuleset(parsed ?? json.result.stdout, wording);
    sources.push(answered('linux', 'nft', json, ruleset.rules.length));
    return ruleset;
  } catch (err) {
    sources.push({ ...unanswered('linux', 'nft', json), status: 'failed', detail: (err as Error).message });
    return null;
  }
}

/** Each rule's own wording as nft prints it, remembered per content (lib/host/firewall/nft-wording.ts). */
const wording = wordingMemory();

/**
 * The wording for the rules of a fresh JSON answer: from memory when every rule is as seen before, else
 * from a text listing started now (after the JSON, so it shows at least what the JSON showed).
 */
async function nftWording(
  run: ToolRunner,
  parsed: Json | null,
  outline: NftOutline | null,
): Promise<Map<string, string>> {
  // No JSON (nft missing, or failed: the text listing would fail alike and go unread), or no rule to word.
  if (parsed === null || outline === null || outline.rules === 0) return new Map();
  const keys = wordingKeys(parsed);
  const remembered = keys ? wording.recall(keys) : null;
  if (remembered) return remembered;
  const text = await run('nft', NFT_TEXT_ARGS);
  const index = indexNftText(text && succeeded(text) ? text.result.stdout : '');
  if (keys && text && succeeded(text)) wording.learn(keys, index);
  return index;
}

async function legacyFacts(): Promise<Omit<ToolPlanInputs, 'nft'>> {
  const [ip, ip6, ipDefault, ip6Default] = await Promise.all([
    legacyTablesLoaded('ip'),
    legacyTablesLoaded('ip6'),
    isLegacyBinary('iptables-save'),
    isLegacyBinary('ip6tables-save'),
  ]);
  return { legacy: { ip, ip6 }, defaultIsLegacy: { ip: ipDefault, ip6: ip6Default } };
}

/**
 * Every firewall Linux may have: the kernel's rules (nft, iptables both backends) and the ufw/firewalld
 * frontends. nft answers first; the text listing and the iptables dumps start only when that answer or
 * the kernel's table list says they can hold a rule (a skipped tool is named in the notes).
 */
export async function readLinuxFirewall(
  run: ToolRunner = (...args) => runTool('linux', ...args),
  readLegacy: () => Promise<Omit<ToolPlanInputs, 'nft'>> = legacyFacts,
): Promise<FirewallFacts> {
  const frontendsP = Promise.all([run('ufw', UFW_ARGS), run('firewall-cmd', FIREWALLD_ARGS, 4500)]);
  const legacyP = readLegacy();
  const nftJson = await run('nft', NFT_JSON_ARGS);
  // Parsed once: the outline, the wording memory and the ruleset all read this one value.
  const parsed = nftJson && succeeded(nftJson) ? nftJsonOf(nftJson.result.stdout) : null;
  const outline = parsed === null ? null : outlineNftJson(parsed);
  const plan = iptablesToRun({ nft: outline, ...(await legacyP) });
  const notes: string[] = [];
  const skipped = IPTABLES.filter(([tool]) => !plan[tool]).map(([, save]) => save);
  if (skipped.length > 0)
    notes.push(
      `not run: ${skipped.join(', ')} (the nft listing and /proc/net/*_tables_names show no table they could print)`,
    );
  const [nftWords, [ufw, firewalld], ...saves] = await Promise.all([
    nftWording(run, parsed, outline),
    frontendsP,
    ...IPTABLES.map(([tool, save]) => (plan[tool] ? run(save, []) : null)),
  ]);
  const sources: FirewallSource[] = [];
  const nft = readNft(nftJson ?? null, parsed, nftWords, sources);
  const dumps: IptablesDump[] = [];
  IPTABLES.forEach(([tool], i) => {
    const save = saves[i];
    if (!save) return;
    if (!succeeded(save)) return void sources.push(unanswered('linux', tool, save));
    const dump = parseIptablesSave(save.result.stdout, tool);
    dumps.push(dump);
    sources.push(answered('linux', tool, save, dump.rules.length));
  });
  const netfilter = mergeNetfilter(nft, dumps);
  const frontends = [];
  if (ufw) {
    const status = succeeded(ufw) ? parseUfwStatus(ufw.result.stdout) : null;
    if (!status) sources.push(unanswered('linux', 'ufw', ufw));
    else if (!status.active) sources.push(unanswered('linux', 'ufw', ufw, true));
    else {
      sources.push(answered('linux', 'ufw', ufw, status.rules.length));
      frontends.push(...status.rules);
      if (status.defaults) notes.push(`ufw defaults: ${status.defaults} (loopback is accepted before them)`);
    }
  }
  if (firewalld) {
    const notRunning = /not running/i.test(`${firewalld.result.stdout}${firewalld.result.stderr}`);
    if (!succeeded(firewalld)) sources.push(unanswered('linux', 'firewalld', firewalld, notRunning));
    else {
      const rules = firewalldRules(parseFirewalldZones(firewalld.result.stdout));
      sources.push(answered('linux', 'firewalld', firewalld, rules.length));
      frontends.push(...rules);
    }
  }
  return {
    sources,
    chains: netfilter.chains,
    rules: [...netfilter.rules, ...frontends],
    skippedInterfaces: [],
    notes,
  };
}
