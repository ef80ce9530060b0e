import 'server-only';
import { runCommand } from '@/lib/exec';
import type { Family } from '@/lib/net';

/** A TCP port range Windows will not let applications bind (Hyper-V, WinNAT, or an administrator). */
export interface ExcludedPortRange {
  start: number;
  end: number;
  /**
   * Marked "*" by netsh: added with `netsh int ipv4 add excludedportrange`. Such a range only keeps the
   * port out of dynamic allocation (and away from Hyper-V); a program that asks for the port may bind it.
   */
  administered: boolean;
  family: Family;
}

/**
 * Rows of `netsh int ipv4 show excludedportrange protocol=tcp`: "      1080        1179" and
 * "     50000       50059     *". Headers and the footnote are localised, so only the numeric rows are read.
 */
export function parseExcludedPortRanges(text: string, family: Family = 'IPv4'): ExcludedPortRange[] {
  const ranges: ExcludedPortRange[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(/^\s*(\d{1,5})\s+(\d{1,5})\s*(\*)?\s*$/);
    if (!m) continue;
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (start < 1 || end > 65535 || end < start) continue;
    ranges.push({ start, end, administered: m[3] === '*', family });
  }
  return ranges;
}

/** The ranges that contain `port`. */
export function rangesContaining(ranges: ExcludedPortRange[], port: number): ExcludedPortRange[] {
  return ranges.filter((r) => port >= r.start && port <= r.end);
}

/** Both families: Hyper-V usually reserves the same ranges for IPv4 and IPv6, but not always. */
export async function readExcludedPortRanges(): Promise<ExcludedPortRange[]> {
  const families = ['ipv4', 'ipv6'] as const;
  const results = await Promise.all(
    families.map((f) =>
      runCommand('netsh', ['int', f, 'show', 'excludedportrange', 'protocol=tcp'], { timeoutMs: 3000 }),
    ),
  );
  if (results.every((r) => r.error || r.code !== 0)) {
    const r = results[0]!;
    throw new Error(`netsh int ipv4 show excludedportrange failed: ${r.error ?? r.stderr.trim()}`);
  }
  return results.flatMap((r, i) =>
    r.code === 0 ? parseExcludedPortRanges(r.stdout, families[i] === 'ipv4' ? 'IPv4' : 'IPv6') : [],
  );
}
