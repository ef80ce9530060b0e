import { defineCheck } from '@/lib/diagnosis/check';
import { connectFailure } from '@/lib/diagnosis/check-helpers/connect-failure';

/** Any other failure of the connect call (the error code says which): reported as it is, not guessed at. */
export const connectError = defineCheck({ 'connect-error': 160 }, (facts) =>
  connectFailure(facts, 'error', {
    id: 'connect-error',
    title: (where) => `Connecting to ${where} failed`,
    meaning:
      'The connect call failed with an error this tool has no explanation for; the error code is the fact to search for',
    lesson: 'tools',
  }),
);
