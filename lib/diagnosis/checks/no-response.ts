import { defineCheck } from '@/lib/diagnosis/check';
import { application } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { whoListensFixes } from '@/lib/diagnosis/commands';

/** It accepts the connection and then says nothing, even to an HTTP request: the process is stuck or busy. */
export const noResponse = defineCheck({ 'no-response': 180 }, (facts) => {
  const app = application(facts);
  if (!app || app.kind !== 'no-response') return [];
  return [
    {
      id: 'no-response',
      severity: 'error',
      step: 'open',
      title: `${facts.target.display} accepts connections but never answers`,
      detail:
        `The TCP connection to ${hostPort(app.address, app.port)} opened (the kernel accepts it for the process), but ` +
        `no byte came back in ${Math.round(app.timeMs)} ms, not even to an HTTP request. The process is likely stuck ` +
        `(an infinite loop, a deadlock, a debugger breakpoint, a blocked event loop) or expects a client that speaks first in another protocol.`,
      fixes: whoListensFixes(facts.target.port),
      lesson: 'tools',
    },
  ];
});
