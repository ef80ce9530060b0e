import { defineCheck } from '@/lib/diagnosis/check';

/** The user typed a bind address (0.0.0.0), a short or numeric loopback spelling: say how it was read. */
export const bindAddress = defineCheck({ 'bind-address': null }, (facts) => {
  if (facts.target.notes.length === 0) return [];
  return [
    {
      id: 'bind-address',
      severity: 'info',
      step: 'open',
      title: `"${facts.target.input}" was checked as ${facts.target.display}`,
      detail: facts.target.notes.join(' '),
      fixes: [],
      lesson: 'bind-addresses',
    },
  ];
});
