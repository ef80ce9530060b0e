import { defineCheck } from '@/lib/diagnosis/check';
import {
  describeListener,
  listAnd,
  listenerServes,
  targetAddresses,
  tcpListeners,
} from '@/lib/diagnosis/view';
import { capOutside, quoteOutside } from '@/lib/text/outside';

/** Who serves the target: the owner, named, for every listener that accepts the target's addresses. */
export const listening = defineCheck({ listening: 330 }, (facts) => {
  const tcp = tcpListeners(facts);
  if (!tcp || tcp.length === 0 || facts.intent === 'start') return [];
  const addrs = targetAddresses(facts);
  const serving = tcp.filter((l) => addrs.some((a) => listenerServes(l, a.address)));
  if (serving.length === 0) return [];
  const first = serving[0]!;
  const who =
    first.pid === null
      ? 'a process whose owner could not be read'
      : `${first.process ?? 'a process'} (pid ${first.pid})`;
  const details = serving.map((l) => {
    // The whole command line is in the facts; the sentence only needs enough of it to recognise the process.
    const cmd = l.command ? `, command ${quoteOutside(capOutside(l.command, 100))}` : '';
    const since = l.startedAt ? `, running since ${l.startedAt}` : '';
    return `${describeListener(l)}${cmd}${since}`;
  });
  return [
    {
      id: 'listening',
      severity: 'ok',
      step: 'start',
      title: `${who} is listening on port ${facts.target.port}`,
      detail: `Listening: ${listAnd(details)}.`,
      fixes: [],
      lesson: 'ports',
    },
  ];
});
