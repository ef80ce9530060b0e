import type { Check } from '@/lib/diagnosis/types';
import { application, hostPort } from '@/lib/diagnosis/view';

/** It accepts and closes without a word: a proxy with no backend, or a server rejecting the client outright. */
export const closed: Check = (facts) => {
  const app = application(facts);
  if (!app || app.kind !== 'closed') return [];
  return [
    {
      id: 'closed',
      severity: 'error',
      step: 'open',
      title: `${facts.target.display} accepts connections, then closes them without answering`,
      detail:
        `${hostPort(app.address, app.port)} accepted the connection and closed it after ${Math.round(app.timeMs)} ms without ` +
        `sending anything, to plain HTTP and TLS alike. Common causes: a proxy or port forward whose backend is down, ` +
        `or a server that only accepts certain clients. Check the log of the process that listens.`,
      fixes: [],
      lesson: 'tools',
    },
  ];
};
