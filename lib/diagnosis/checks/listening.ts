import type { Check } from '@/lib/diagnosis/types';
import {
  describeListener,
  listAnd,
  listenerServes,
  targetAddresses,
  tcpListeners,
} from '@/lib/diagnosis/view';

/** Who serves the target: the owner, named, for every listener that accepts the target's addresses. */
export const listening: Check = (facts) => {
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
    const shown = l.command && l.command.length > 100 ? `${l.command.slice(0, 99)}\u2026` : l.command;
    const cmd = shown ? `, command \`${shown}\`` : '';
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
};
