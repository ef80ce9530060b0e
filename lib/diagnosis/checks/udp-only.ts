import { defineCheck } from '@/lib/diagnosis/check';
import { listAnd, describeOwner } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';

/** A UDP socket holds the number but nothing listens on TCP: browsers and curl speak TCP. */
export const udpOnly = defineCheck({ 'udp-only': null }, (facts) => {
  if (facts.listeners.status !== 'ok') return [];
  const port = facts.target.port;
  const rows = facts.listeners.value.listeners.filter((l) => l.port === port);
  const udp = rows.filter((l) => l.protocol === 'udp');
  if (udp.length === 0 || rows.some((l) => l.protocol === 'tcp')) return [];
  return [
    {
      id: 'udp-only',
      severity: 'info',
      step: 'start',
      title: `Port ${port} is in use on UDP only`,
      detail: `${listAnd(udp.map((l) => `${describeOwner(l)} on udp ${hostPort(l.address, port)}`))}. TCP and UDP ports are separate: this does not answer a browser, which speaks TCP.`,
      fixes: [],
      lesson: 'ports',
    },
  ];
});
