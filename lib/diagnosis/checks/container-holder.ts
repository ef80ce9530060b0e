import { defineCheck } from '@/lib/diagnosis/check';
import { listAnd } from '@/lib/diagnosis/view';
import { containerFixes, containerHolders } from '@/lib/diagnosis/check-helpers/container-holders';

/** The port is held by a container runtime: the service is the container, not the process that holds it. */
export const containerHolder = defineCheck({ 'container-holder': 50 }, (facts) => {
  const holders = containerHolders(facts);
  if (holders.length === 0) return [];
  const port = facts.target.port;
  const free = facts.freePort?.status === 'ok' ? facts.freePort.value : null;
  const runtimes = [...new Set(holders.map((h) => h.runtime))];
  const described = holders.map(
    (h) =>
      `${h.runtime}${h.pid === null ? '' : ` (pid ${h.pid})`}${h.forwardsTo ? `, forwarding to ${h.forwardsTo} inside the container` : ''}`,
  );
  return [
    {
      id: 'container-holder',
      severity: facts.intent === 'start' ? 'warning' : 'info',
      step: 'start',
      title: `Port ${port} is published by a container (${runtimes.join(', ')})`,
      detail:
        `${listAnd(described)} holds port ${port} on behalf of a container. The service behind it is the ` +
        `container, not this process: stopping the proxy would leave the container running and the port broken. ` +
        `Stop the container, or publish it on another host port, with the commands below.`,
      fixes: containerFixes(port, runtimes, free),
      lesson: 'port-conflicts',
    },
  ];
});
