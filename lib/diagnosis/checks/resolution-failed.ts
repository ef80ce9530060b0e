import { defineCheck } from '@/lib/diagnosis/check';
import { addressFix, cmdFix, unixFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';

/** The name did not resolve: nothing can be probed until it does. */
export const resolutionFailed = defineCheck({ 'resolution-failed': 10 }, (facts) => {
  if (facts.resolution.status !== 'failed') return [];
  const host = facts.target.host;
  return [
    {
      id: 'resolution-failed',
      severity: 'error',
      step: 'open',
      title: `${host} does not resolve to an address`,
      detail: `Looking up ${host} failed: ${facts.resolution.error}. Browsers map localhost themselves, but other programs ask the system resolver, which reads the hosts file first.`,
      fixes: [
        ...unixFixes(
          'Check the hosts file has a localhost line',
          cmd('grep', '-n', 'localhost', '/etc/hosts'),
        ),
        cmdFix('Check the hosts file', cmd('type', 'C:\\Windows\\System32\\drivers\\etc\\hosts')),
        addressFix('Or use the address directly', `127.0.0.1:${facts.target.port}`),
      ],
      lesson: 'loopback',
    },
  ];
});
