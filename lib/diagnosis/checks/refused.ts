import { defineCheck } from '@/lib/diagnosis/check';
import { connectFailure } from '@/lib/diagnosis/check-helpers/connect-failure';

export const refused = defineCheck({ refused: 140 }, (facts) =>
  connectFailure(facts, 'refused', {
    id: 'refused',
    title: (where) => `Connection refused on ${where}`,
    meaning:
      'The machine answered "nobody here" (a TCP reset to the connection request): no socket listens on that address and port, or a firewall rule rejects it',
    lesson: 'ports',
  }),
);
