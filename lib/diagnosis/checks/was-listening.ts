import { defineCheck } from '@/lib/diagnosis/check';
import {
  portHistory,
  quotedCommand,
  quoteEvents,
  recordedOwner,
  startAgainFixes,
  when,
  WHY_IT_EXITED,
  whyItExitedFixes,
} from '@/lib/diagnosis/check-helpers/history-view';
import { listenerServes, targetAddresses, tcpListeners } from '@/lib/diagnosis/view';
import type { Listener } from '@/lib/host/listeners/types';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

/** Nothing listens now, but the recorder saw a program listen on this address: who, until when, and how to start it again. */
export const wasListening = defineCheck({ 'was-listening': 66 }, (facts) => {
  const history = portHistory(facts);
  const tcp = tcpListeners(facts);
  if (!history || tcp === null || tcp.length > 0 || facts.intent === 'start') return [];
  const addrs = targetAddresses(facts).map((a) => a.address);
  const here = history.events.filter(
    (e) =>
      e.protocol === 'tcp' &&
      (addrs.length === 0 || addrs.some((a) => listenerServes({ address: e.address } as Listener, a))),
  );
  const closed = here.find((e) => e.kind === 'closed');
  if (!closed) return [];
  const now = facts.gatheredAt;
  const where = hostPort(closed.address, closed.port);
  const start = startAgainFixes(closed);
  const program = start.name ? `${start.name}, ` : '';
  const from = closed.cwd ? `, started from ${quoteOutside(closed.cwd)}` : '';
  const as = closed.command ? ` as ${quotedCommand(closed.command)}` : '';
  return [
    {
      id: 'was-listening',
      severity: 'error',
      step: 'start',
      title: `${recordedOwner(closed)} listened on ${where} until ${when(closed.at, now)}`,
      detail:
        `Nothing listens on port ${facts.target.port} now, but ${program}${recordedOwner(closed)} listened on ${where} ` +
        `until ${when(closed.at, now)}${from}${as}. ${WHY_IT_EXITED} ` +
        `Recorded on this port: ${quoteEvents(here, now)}.`,
      fixes: [...start.fixes, ...whyItExitedFixes(closed)],
      lesson: 'ports',
    },
  ];
});
