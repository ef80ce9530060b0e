import 'server-only';
import { NETSH_ARGS, parseNetshRules } from '@/lib/host/firewall/netsh';
import { parsePowerShellRules, POWERSHELL_FIREWALL_SCRIPT } from '@/lib/host/firewall/powershell';
import { answered, runTool, succeeded, unanswered, type ToolRunner } from '@/lib/host/firewall/run';
import type { FirewallFacts, FirewallSource } from '@/lib/host/firewall/types';
import { WINDOWS_LOOPBACK_NOTE, windowsRules } from '@/lib/host/firewall/windows';

/**
 * Windows Defender Firewall: PowerShell's JSON first (the same in every system language), netsh's English
 * text when PowerShell is unavailable or fails.
 */
export async function readWin32Firewall(
  run: ToolRunner = (...args) => runTool('win32', ...args),
): Promise<FirewallFacts> {
  const sources: FirewallSource[] = [];
  const ps = await run(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-Command', POWERSHELL_FIREWALL_SCRIPT],
    // Within the firewall fact's 5 s deadline, leaving netsh its turn if PowerShell fails.
    3500,
    ['Get-NetFirewallRule', '-Enabled', 'True', '-Action', 'Block'],
  );
  if (ps && succeeded(ps)) {
    try {
      const rules = windowsRules(parsePowerShellRules(ps.result.stdout));
      sources.push(answered('win32', 'powershell', ps, rules.length));
      return { sources, chains: [], rules, skippedInterfaces: [], notes: [WINDOWS_LOOPBACK_NOTE] };
    } catch (err) {
      sources.push({
        ...unanswered('win32', 'powershell', ps),
        status: 'failed',
        detail: (err as Error).message,
      });
    }
  } else if (ps) {
    sources.push(unanswered('win32', 'powershell', ps));
  }
  const netsh = await run('netsh', NETSH_ARGS, 1400);
  if (!netsh)
    return { sources, chains: [], rules: [], skippedInterfaces: [], notes: [WINDOWS_LOOPBACK_NOTE] };
  if (!succeeded(netsh)) {
    sources.push(unanswered('win32', 'netsh', netsh));
    return { sources, chains: [], rules: [], skippedInterfaces: [], notes: [WINDOWS_LOOPBACK_NOTE] };
  }
  const rules = windowsRules(parseNetshRules(netsh.result.stdout));
  const notes = [
    WINDOWS_LOOPBACK_NOTE,
    ...(rules.length === 0 && !/Rule Name:/.test(netsh.result.stdout)
      ? ['netsh printed no rule in English; on a Windows in another language only PowerShell can be read']
      : []),
  ];
  sources.push(answered('win32', 'netsh', netsh, rules.length));
  return { sources, chains: [], rules, skippedInterfaces: [], notes };
}
