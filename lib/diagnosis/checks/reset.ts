import { defineCheck } from '@/lib/diagnosis/check';
import { connectFailure } from '@/lib/diagnosis/check-helpers/connect-failure';
import { application } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { whoListensFixes } from '@/lib/diagnosis/commands';

/** A reset during the connect, or right after the server accepted (the application probe saw ECONNRESET). */
export const reset = defineCheck({ reset: 130 }, (facts) => {
  const during = connectFailure(facts, 'reset', {
    id: 'reset',
    title: (where) => `The connection to ${where} was reset`,
    meaning: 'The connection was torn down with a TCP reset while it was being set up',
    lesson: 'ports',
  });
  if (during.length > 0) return during;
  const app = application(facts);
  if (!app || app.kind !== 'reset') return [];
  return [
    {
      id: 'reset',
      severity: 'error',
      step: 'open',
      title: `${hostPort(app.address, app.port)} accepts connections, then resets them`,
      detail:
        `The server accepted the TCP connection and then aborted it with a reset after ${Math.round(app.timeMs)} ms, ` +
        `before any answer. Typical causes: the process crashes or rejects the client (TLS/protocol mismatch, too ` +
        `many connections, a proxy with nothing behind it). Its own log usually says why.`,
      fixes: whoListensFixes(facts.target.port),
      lesson: 'ports',
    },
  ];
});
