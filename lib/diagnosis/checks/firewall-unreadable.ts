import { defineCheck } from '@/lib/diagnosis/check';
import { shellFix, unixFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { Fix } from '@/lib/diagnosis/types';
import { blockedAddresses, whatHappened } from '@/lib/diagnosis/firewall/view';
import { NETFILTER } from '@/lib/diagnosis/firewall/match';
import { attempts, listAnd, listenerServes, tcpListeners } from '@/lib/diagnosis/view';
import { isLoopbackAddress } from '@/lib/net';

const FAILURES = new Set(['timeout', 'refused', 'reset']);
const FRONTENDS = new Set(['ufw', 'firewalld']);

/**
 * A connection failed although something listens, and the firewall rules could not be read (no rights,
 * or the reader failed): the one question left open is said so, with the exact command that answers it.
 * Nothing is guessed: no rule is named.
 */
export const firewallUnreadable = defineCheck({ 'firewall-unreadable': 250 }, (facts) => {
  const fw = facts.firewall;
  const listeners = tcpListeners(facts) ?? [];
  const failed = attempts(facts).filter(
    (a) =>
      FAILURES.has(a.outcome) &&
      isLoopbackAddress(a.address) &&
      listeners.some((l) => listenerServes(l, a.address)),
  );
  if (failed.length === 0) return [];
  if (fw.status === 'ok' && blockedAddresses(facts, fw.value).some((b) => b.result.block)) return [];
  const sources = fw.status === 'ok' ? fw.value.sources : [];
  // ufw and firewalld only write kernel rules: with nft or iptables read, their own views add nothing.
  const kernelRead = sources.some((s) => NETFILTER.has(s.tool) && s.status === 'read');
  const denied = sources.filter((s) => s.status === 'denied' && !(kernelRead && FRONTENDS.has(s.tool)));
  if (fw.status === 'ok' && denied.length === 0) return [];
  const why =
    fw.status === 'failed'
      ? `reading them failed (${fw.source}: ${fw.error})`
      : listAnd(denied.map((s) => `${s.command} said "${s.detail ?? 'permission denied'}"`));
  const fixes: Fix[] = denied.flatMap((s) =>
    s.sudo
      ? [
          s.platform === 'win32'
            ? shellFix('win32', `Read the rules in an elevated terminal`, cmd(...s.sudo), 'powershell')
            : shellFix(s.platform, `Read the ${s.tool} rules as root`, cmd(...s.sudo)),
        ]
      : [],
  );
  if (fixes.some((f) => f.platform !== 'win32')) {
    fixes.push(
      ...unixFixes(
        'Or run the whole diagnosis as root',
        cmd('sudo', 'npm', 'run', 'doctor', '--', facts.target.display),
      ),
    );
  }
  const happened = failed.map((a) => whatHappened(facts, a.address, a)).join('; ');
  return [
    {
      id: 'firewall-unreadable',
      severity: 'warning',
      step: 'fix',
      title: 'The firewall rules could not be read',
      detail:
        `${happened}, and the firewall rules that could explain it could not be read: ${why}. ` +
        `Whether a rule blocks port ${facts.target.port} is unknown: the commands below, run as root, answer it.`,
      fixes,
      lesson: 'firewalls',
    },
  ];
});
