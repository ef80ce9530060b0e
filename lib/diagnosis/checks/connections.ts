import { defineCheck } from '@/lib/diagnosis/check';

/** What the Monitor step watches: TCP connections on the port by state. */
export const connectionStates = defineCheck({ connections: null }, (facts) => {
  if (facts.connections.status !== 'ok') return [];
  const { byState, total } = facts.connections.value;
  const states = Object.entries(byState)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([s, n]) => `${n} ${s}`);
  return [
    {
      id: 'connections',
      severity: 'info',
      step: 'monitor',
      title:
        total === 0
          ? `No open connections on port ${facts.target.port}`
          : `${total} TCP connection${total === 1 ? '' : 's'} on port ${facts.target.port}`,
      detail: total === 0 ? 'No client is connected right now.' : `By state: ${states.join(', ')}.`,
      fixes: [],
      lesson: 'tools',
    },
  ];
});
