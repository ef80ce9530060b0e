import { defineCheck } from '@/lib/diagnosis/check';
import { startFixes } from '@/lib/diagnosis/commands';
import {
  tcpListeners,
  bindAddressFor,
  listenerBlocksBind,
  listAnd,
  describeListener,
} from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';

/** intent=start and nothing holds the port: it is free, here is how to start common stacks on it. */
export const portFree = defineCheck({ 'port-free': 340 }, (facts) => {
  if (facts.intent !== 'start') return [];
  const tcp = tcpListeners(facts);
  if (tcp === null) return [];
  const bindHost = bindAddressFor(facts);
  if (tcp.some((l) => listenerBlocksBind(l, bindHost))) return [];
  // Listeners on other addresses of this port (say [::1]) do not stop a bind here, but are worth a mention.
  const others =
    tcp.length > 0
      ? ` (${listAnd(tcp.map(describeListener))} holds the same number on another address; that does not conflict.)`
      : '';
  const port = facts.target.port;
  return [
    {
      id: 'port-free',
      severity: 'ok',
      step: 'start',
      title: `Port ${port} is free: start your service on it`,
      detail: `Nothing holds ${hostPort(bindHost, port)} (${facts.listeners.source}).${others} Bind to ${bindHost} so only this machine can reach it.`,
      fixes: startFixes(bindHost, port),
      lesson: 'bind-addresses',
    },
  ];
});
