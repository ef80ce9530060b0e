import { defineCheck } from '@/lib/diagnosis/check';
import { connectFailure } from '@/lib/diagnosis/check-helpers/connect-failure';

export const timeout = defineCheck({ timeout: 120 }, (facts) =>
  connectFailure(facts, 'timeout', {
    id: 'timeout',
    title: (where) => `Connecting to ${where} timed out`,
    meaning:
      'The connection request got no answer at all. On loopback that means a firewall rule silently drops the packets, or the server is so overloaded that its queue of pending connections is full',
    lesson: 'firewalls',
  }),
);
