import type { Diagnosis } from '@/lib/diagnosis/types';

/** Whether the diagnosis has a finding with this id (labs decide "solved" from the engine's findings). */
export const hasFinding = (d: Pick<Diagnosis, 'findings'>, id: string): boolean =>
  d.findings.some((f) => f.id === id);
