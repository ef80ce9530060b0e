import { defineCheck } from '@/lib/diagnosis/check';
import { application } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { whoListensFixes } from '@/lib/diagnosis/commands';

/** It accepts and closes without a word: a proxy with no backend, or a server rejecting the client outright. */
export const closed = defineCheck({ closed: 170 }, (facts) => {
  const app = application(facts);
  if (!app || app.kind !== 'closed') return [];
  return [
    {
      id: 'closed',
      severity: 'error',
      step: 'open',
      title: `${facts.target.display} accepts connections, then closes them without answering`,
      detail:
        `${hostPort(app.address, app.port)} accepted the connection, then ${app.message ?? 'closed it without sending a byte'} ` +
        `(after ${Math.round(app.timeMs)} ms). Common causes: a proxy or port forward whose backend is down, ` +
        `or a server that only accepts certain clients. Check the log of the process that listens.`,
      fixes: whoListensFixes(facts.target.port),
      lesson: 'tools',
    },
  ];
});
