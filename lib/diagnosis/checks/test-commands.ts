import { defineCheck } from '@/lib/diagnosis/check';
import { testFixes } from '@/lib/diagnosis/commands';
import { targetUrl } from '@/lib/diagnosis/view';

/** The checks the doctor ran, as commands to run by hand: always offered, whatever the outcome. */
export const testCommands = defineCheck({ 'test-commands': null }, (facts) => [
  {
    id: 'test-commands',
    severity: 'info',
    step: 'open',
    title: 'Check it yourself',
    detail: `The same tests, to run in a terminal: a full HTTP request, a bare TCP connect, and a raw connection to ${facts.target.display}.`,
    fixes: testFixes(targetUrl(facts), facts.target.host, facts.target.port),
    lesson: 'tools',
  },
]);
