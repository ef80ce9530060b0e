import type { Facts, Finding } from '@/lib/diagnosis/types';
import { attempts, listAnd, tcpListeners, describeListener } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { testFixes, whoListensFixes } from '@/lib/diagnosis/commands';
import type { ConnectOutcome } from '@/lib/probe/types';
import { targetUrl, bindAddressFor, listenerBlocksBind } from '@/lib/diagnosis/view';

/**
 * Shared shape of the refused / timeout / reset / unreachable findings: which addresses got that outcome,
 * after how long, and whether another address did answer (then it is a warning, not the end of the road).
 */
export function connectFailure<Id extends string>(
  facts: Facts,
  outcome: ConnectOutcome,
  text: { id: Id; title: (where: string) => string; meaning: string; lesson: string },
): Finding<Id>[] {
  const hit = attempts(facts).filter((a) => a.outcome === outcome);
  if (hit.length === 0) return [];
  // Starting a service on a free port: a refused connect there is the expected state, not a problem.
  if (
    facts.intent === 'start' &&
    !(tcpListeners(facts) ?? []).some((l) => listenerBlocksBind(l, bindAddressFor(facts)))
  )
    return [];
  const open = attempts(facts).filter((a) => a.outcome === 'open');
  const where = listAnd(hit.map((a) => hostPort(a.address, a.port)));
  const timings = listAnd(
    hit.map((a) => `${a.address} ${a.errorCode ?? outcome} after ${Math.round(a.timeMs)} ms`),
  );
  const listeners = tcpListeners(facts) ?? [];
  const context =
    listeners.length > 0
      ? ` Yet ${listAnd(listeners.map(describeListener))} listens on port ${facts.target.port}.`
      : '';
  const fallback =
    open.length > 0 ? ` ${listAnd(open.map((a) => a.address))} did accept the connection.` : '';
  return [
    {
      id: text.id,
      severity: open.length > 0 ? 'warning' : 'error',
      step: 'open',
      title: text.title(where),
      detail: `${text.meaning} (${timings}).${context}${fallback}`,
      fixes: [
        ...testFixes(targetUrl(facts), facts.target.host, facts.target.port),
        ...whoListensFixes(facts.target.port),
      ],
      lesson: text.lesson,
    },
  ];
}
