import { defineCheck } from '@/lib/diagnosis/check';
import type { Fact, Finding } from '@/lib/diagnosis/types';

/** A source that could not be read is reported as such: the checks that need it stayed silent instead of guessing. */
export const factUnavailable = defineCheck({ 'fact-unavailable': 270 }, (facts) => {
  const sources: [string, Fact<unknown> | null][] = [
    ['listening sockets', facts.listeners],
    ['connection probes', facts.probes],
    ['port ranges', facts.port],
    ['connections on the port', facts.connections],
    ['free port search', facts.freePort],
    ['firewall rules', facts.firewall],
  ];
  const out: Finding<'fact-unavailable'>[] = [];
  for (const [name, fact] of sources) {
    if (!fact || fact.status !== 'failed') continue;
    out.push({
      id: 'fact-unavailable',
      severity: 'warning',
      step: 'fix',
      title: `Could not read ${name}`,
      detail: `${fact.source}: ${fact.error}. The checks that depend on it were skipped rather than guessed.`,
      fixes: [],
    });
  }
  return out;
});
