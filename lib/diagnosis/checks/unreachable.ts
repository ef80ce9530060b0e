import { defineCheck } from '@/lib/diagnosis/check';
import { connectFailure } from '@/lib/diagnosis/check-helpers/connect-failure';

/** The OS could not even send the connection request to that address. */
export const unreachable = defineCheck({ unreachable: 150 }, (facts) =>
  connectFailure(facts, 'unreachable', {
    id: 'unreachable',
    title: (where) => `${where} is unreachable from this machine`,
    meaning:
      'The connection request could not be sent at all (no route to that address). For ::1 this usually means IPv6 is ' +
      'disabled on the loopback interface, so nothing can ever answer there; otherwise a firewall rule rejects it with an ' +
      'ICMP "prohibited" message',
    lesson: 'loopback',
  }),
);
