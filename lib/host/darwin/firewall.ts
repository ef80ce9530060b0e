import 'server-only';
import { parseAlfState, SOCKETFILTERFW, SOCKETFILTERFW_ARGS } from '@/lib/host/firewall/alf';
import {
  PF_INFO_ARGS,
  PF_INTERFACES_ARGS,
  PF_RULES_ARGS,
  parsePfEnabled,
  parsePfRules,
  parsePfSkipped,
} from '@/lib/host/firewall/pf';
import { answered, runTool, succeeded, unanswered, type ToolRunner } from '@/lib/host/firewall/run';
import type { FirewallFacts, FirewallRule, FirewallSource } from '@/lib/host/firewall/types';

/** macOS: pf (the packet filter, the only one that can block loopback) and the application firewall's state. */
export async function readDarwinFirewall(
  run: ToolRunner = (...args) => runTool('darwin', ...args),
): Promise<FirewallFacts> {
  const [info, rules, interfaces, alf] = await Promise.all([
    run('pfctl', PF_INFO_ARGS),
    run('pfctl', PF_RULES_ARGS),
    run('pfctl', PF_INTERFACES_ARGS),
    run(SOCKETFILTERFW, SOCKETFILTERFW_ARGS),
  ]);
  const sources: FirewallSource[] = [];
  const notes: string[] = [];
  let pfRules: FirewallRule[] = [];
  let skipped: string[] = [];
  if (rules) {
    const enabled = info && succeeded(info) ? parsePfEnabled(info.result.stdout) : null;
    if (!succeeded(rules)) sources.push(unanswered('darwin', 'pf', rules));
    else if (enabled === false) {
      // Loaded rules of a disabled pf filter nothing.
      sources.push({
        ...answered('darwin', 'pf', rules, 0),
        status: 'inactive',
        detail: 'pf is disabled (pfctl -s info)',
      });
    } else {
      pfRules = parsePfRules(rules.result.stdout);
      sources.push(answered('darwin', 'pf', rules, pfRules.length));
      if (enabled === null)
        notes.push('pf status could not be read (pfctl -s info); its rules were matched as if it is on');
      if (/^anchor\s/m.test(rules.result.stdout))
        notes.push(
          'pf anchors (such as "com.apple/*") are not expanded: rules loaded into them are not listed',
        );
      if (interfaces && succeeded(interfaces)) skipped = parsePfSkipped(interfaces.result.stdout);
    }
  }
  if (alf && succeeded(alf)) {
    const state = parseAlfState(alf.result.stdout);
    if (state)
      notes.push(
        `The macOS application firewall is ${state.enabled ? (state.blockAll ? 'on and blocks all incoming connections' : 'on') : 'off'}; it filters connections from the network to apps, not loopback.`,
      );
  }
  return { sources, chains: [], rules: pfRules, skippedInterfaces: skipped, notes };
}
