/** The wizard's four steps in order, with the titles every front end shows (the wizard, the CLI). */
import type { Step } from '@/lib/diagnosis/types';

export interface StepInfo {
  id: Step;
  number: number;
  title: string;
}

export const STEPS: readonly StepInfo[] = [
  { id: 'start', number: 1, title: 'Start the service' },
  { id: 'open', number: 2, title: 'Open the address' },
  { id: 'monitor', number: 3, title: 'Monitor' },
  { id: 'fix', number: 4, title: 'Fix' },
];
