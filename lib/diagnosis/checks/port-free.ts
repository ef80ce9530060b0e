import { startFixes } from '@/lib/diagnosis/commands';
import type { Check } from '@/lib/diagnosis/types';
import { tcpListeners } from '@/lib/diagnosis/view';

/** intent=start and nothing holds the port: it is free, here is how to start common stacks on it. */
export const portFree: Check = (facts) => {
  if (facts.intent !== 'start') return [];
  const tcp = tcpListeners(facts);
  if (tcp === null || tcp.length > 0) return [];
  const port = facts.target.port;
  const bindHost = facts.target.hostKind === 'ipv6' ? '::1' : '127.0.0.1';
  return [
    {
      id: 'port-free',
      severity: 'ok',
      step: 'start',
      title: `Port ${port} is free: start your service on it`,
      detail: `No TCP socket listens on port ${port} (${facts.listeners.source}). Bind to ${bindHost} so only this machine can reach it.`,
      fixes: startFixes(bindHost, port),
      lesson: 'bind-addresses',
    },
  ];
};
