import { defineCheck } from '@/lib/diagnosis/check';
import { cmdFix, everywhereFixes, unixFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import { listAnd } from '@/lib/diagnosis/view';

/**
 * localhost (or *.localhost) resolved to an address that is not this machine: a hosts file or resolver
 * problem. Those addresses are never probed; the finding says where the name went instead.
 */
export const localhostNotLoopback = defineCheck({ 'localhost-not-loopback': 20 }, (facts) => {
  if (facts.resolution.status !== 'ok') return [];
  const ignored = facts.resolution.value.ignored ?? [];
  if (ignored.length === 0) return [];
  const kept = facts.resolution.value.addresses;
  return [
    {
      id: 'localhost-not-loopback',
      severity: kept.length === 0 ? 'error' : 'warning',
      step: 'open',
      title: `${facts.target.host} resolves to ${listAnd(ignored.map((a) => a.address))}, which is not this machine`,
      detail:
        `The system resolver answered ${listAnd(ignored.map((a) => a.address))} for ${facts.target.host}. localhost must mean ` +
        `127.0.0.1 or ::1; anything else comes from an edited hosts file or a resolver that does not handle it. ` +
        (kept.length > 0
          ? `Only ${listAnd(kept.map((a) => a.address))} was checked.`
          : 'Nothing was probed: those addresses are outside this machine.'),
      fixes: [
        ...unixFixes('Find the line in the hosts file', cmd('grep', '-n', facts.target.host, '/etc/hosts')),
        cmdFix(
          'Find the line in the hosts file',
          cmd('findstr', '/n', 'localhost', 'C:\\Windows\\System32\\drivers\\etc\\hosts'),
        ),
        ...everywhereFixes(
          'Meanwhile, use the address directly',
          cmd('curl', '-v', `http://127.0.0.1:${facts.target.port}/`),
        ),
      ],
      lesson: 'loopback',
    },
  ];
});
