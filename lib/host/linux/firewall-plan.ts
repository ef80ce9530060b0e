import 'server-only';
import { readFile, realpath } from 'node:fs/promises';
import { isObject, nftJsonOf, type Json } from '@/lib/host/firewall/nft-expr';
import { findTool } from '@/lib/host/firewall/run';

/*
 * Which firewall tools are worth starting, decided from what the kernel and the nft listing already show,
 * never from an earlier answer: starting a tool costs a process (8 of them were most of a diagnosis), but
 * a read that skips one must still see a rule added a moment ago.
 */

/** What `nft -j list ruleset` holds, as far as choosing the other tools goes. */
export interface NftOutline {
  rules: number;
  /** Families of its tables: iptables-nft writes into "ip" and "ip6" tables. */
  families: Set<string>;
}

export function outlineNftJson(json: string | Json): NftOutline | null {
  const parsed = nftJsonOf(json);
  if (!isObject(parsed) || !Array.isArray(parsed.nftables)) return null;
  const families = new Set<string>();
  let rules = 0;
  for (const item of parsed.nftables) {
    if (!isObject(item)) continue;
    if (isObject(item.table) && typeof item.table.family === 'string') families.add(item.table.family);
    if (item.rule) rules += 1;
  }
  return { rules, families };
}

/**
 * Whether the legacy (x_tables) kernel tables of a family exist: /proc/net/ip_tables_names lists them. An
 * empty or missing file means no legacy rule can exist; null when it cannot be read (not root).
 */
export async function legacyTablesLoaded(family: 'ip' | 'ip6'): Promise<boolean | null> {
  try {
    const names = await readFile(`/proc/net/${family}_tables_names`, 'latin1');
    return names.trim() !== '';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? false : null;
  }
}

/** Whether an iptables-save on PATH is the legacy binary (Debian's alternatives point it at either). */
export async function isLegacyBinary(name: string): Promise<boolean | null> {
  const path = await findTool(name);
  if (path === null) return null;
  try {
    return /legacy/.test(await realpath(path));
  } catch {
    return null;
  }
}

export interface ToolPlanInputs {
  nft: NftOutline | null;
  legacy: Record<'ip' | 'ip6', boolean | null>;
  defaultIsLegacy: Record<'ip' | 'ip6', boolean | null>;
}

/**
 * Which of the iptables dumps to run. An nf_tables-backed iptables-save prints the nft tables of its
 * family, so it is skipped when a readable nft listing has none; a legacy dump is skipped when the
 * kernel has no legacy table. Anything unknown (unreadable, not root) runs, as before.
 */
export function iptablesToRun({ nft, legacy, defaultIsLegacy }: ToolPlanInputs): {
  iptables: boolean;
  ip6tables: boolean;
  'iptables-legacy': boolean;
  'ip6tables-legacy': boolean;
} {
  const defaultRuns = (family: 'ip' | 'ip6'): boolean => {
    if (defaultIsLegacy[family] === true) return legacy[family] !== false;
    return nft === null || nft.families.has(family) || defaultIsLegacy[family] === null;
  };
  return {
    iptables: defaultRuns('ip'),
    ip6tables: defaultRuns('ip6'),
    'iptables-legacy': legacy.ip !== false,
    'ip6tables-legacy': legacy.ip6 !== false,
  };
}
