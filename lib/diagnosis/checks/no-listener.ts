import { defineCheck } from '@/lib/diagnosis/check';
import { startFixes } from '@/lib/diagnosis/commands';
import { tcpListeners, bindAddressFor, attempts } from '@/lib/diagnosis/view';

/** Nothing at all listens on the TCP port: the service is not running (or listens on another port). */
export const noListener = defineCheck({ 'no-listener': 70 }, (facts) => {
  const tcp = tcpListeners(facts);
  if (tcp === null || tcp.length > 0 || facts.intent === 'start') return [];
  // Something did accept the connection: that is not "nothing listens" (see unlisted-listener).
  if (attempts(facts).some((a) => a.outcome === 'open')) return [];
  const port = facts.target.port;
  const partial = facts.listeners.status === 'ok' && facts.listeners.value.partial;
  const bindHost = bindAddressFor(facts);
  return [
    {
      id: 'no-listener',
      severity: 'error',
      step: 'start',
      title: `Nothing is listening on port ${port}`,
      detail:
        `No process on this machine has a TCP socket listening on port ${port} (read from ${facts.listeners.source}). ` +
        `Start your service, check that it did not exit with an error, and check which port it printed when it started.` +
        (partial
          ? ' Some sockets\u2019 owners could not be read, but none of them is on this port either.'
          : ''),
      fixes: startFixes(bindHost, port),
      lesson: 'ports',
      action: `start your service on port ${port}, bound to ${bindHost} (commands for common stacks below)`,
    },
  ];
});
