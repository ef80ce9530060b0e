import { defineCheck } from '@/lib/diagnosis/check';
import {
  portHistory,
  quoteEvents,
  WHY_IT_EXITED,
  whyItExitedFixes,
} from '@/lib/diagnosis/check-helpers/history-view';

export const FLAP_WINDOW_MS = 10 * 60 * 1000;
export const FLAP_COUNT = 3;

/** Opened and closed again and again within minutes: a crash loop, or a watcher restarting it on every save. */
export const flapping = defineCheck({ flapping: 276 }, (facts) => {
  const history = portHistory(facts);
  if (!history) return [];
  const from = Date.parse(facts.gatheredAt) - FLAP_WINDOW_MS;
  const recent = history.events.filter((e) => e.protocol === 'tcp' && Date.parse(e.at) >= from);
  const opened = recent.filter((e) => e.kind === 'opened').length;
  const closed = recent.filter((e) => e.kind === 'closed');
  if (opened < FLAP_COUNT || closed.length < FLAP_COUNT) return [];
  return [
    {
      id: 'flapping',
      severity: 'warning',
      step: 'monitor',
      title: `Port ${facts.target.port} opened ${opened} times and closed ${closed.length} times in the last 10 minutes`,
      detail:
        `The server on port ${facts.target.port} keeps stopping and starting: ${quoteEvents(recent, facts.gatheredAt)}. ` +
        `Something restarts it after it exits (a supervisor, nodemon, a file watcher), or it crashes soon after it starts. ${WHY_IT_EXITED}`,
      fixes: whyItExitedFixes(closed[0]!),
    },
  ];
});
