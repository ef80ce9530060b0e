import { defineCheck } from '@/lib/diagnosis/check';
import { unixFixes } from '@/lib/diagnosis/fix';
import { isHistoryUnavailable } from '@/lib/history/types';
import { cmd } from '@/lib/shell/script';
import { quoteOutside } from '@/lib/text/outside';

/** Recording is paused (read-only or full disk, a damaged file): say so and why, never an error. */
export const historyUnavailable = defineCheck({ 'history-unavailable': null }, (facts) => {
  const fact = facts.history;
  if (!fact || fact.status !== 'ok' || !isHistoryUnavailable(fact.value)) return [];
  const { dataDir, reason, since, retryAt } = fact.value;
  return [
    {
      id: 'history-unavailable',
      severity: 'info',
      step: 'monitor',
      title: 'History recording is paused',
      detail:
        `The history store in ${quoteOutside(dataDir)} (DATA_DIR) cannot be used: ${quoteOutside(reason)}. Paused since ${since}; it tries again at ${retryAt}. ` +
        'Everything else in this diagnosis is read live; only what needs memory (was-listening, moved-port, restarted, flapping) is missing. ' +
        'Free some space or make the directory writable, or point DATA_DIR elsewhere.',
      fixes: [
        ...unixFixes('See who owns the data directory and whether it is writable', cmd('ls', '-ld', dataDir)),
        ...unixFixes('See how full its disk is', cmd('df', '-h', dataDir)),
      ],
    },
  ];
});
