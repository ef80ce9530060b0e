import { z } from 'zod';
import { CHECKS, type FindingId } from '@/lib/diagnosis/checks';
import { targetParam } from '@/lib/api/schemas';

const FINDING_IDS = [...new Set(CHECKS.flatMap((c) => Object.keys(c.ids)))] as [FindingId, ...FindingId[]];

export const labIdParam = z
  .string({ message: 'lab id is required' })
  .regex(/^[a-z0-9-]{1,64}$/, 'a lab id is lowercase letters, digits and dashes');

export const runIdParam = z
  .string({ message: 'run id is required' })
  .regex(/^[0-9a-f-]{36}$/, 'a run id is the id POST /api/labs/{id}/start gave');

export const startInput = z.strictObject({ id: labIdParam });
export const runInput = z.strictObject({ runId: runIdParam });

export const answerInput = z.strictObject({
  runId: runIdParam,
  findingId: z.enum(FINDING_IDS, { message: 'findingId must be a finding id, e.g. "no-listener"' }),
});

export const checkInput = z.strictObject({
  runId: runIdParam,
  /** The address the learner now uses, for labs whose fix is another address (https://, a fixed port). */
  target: targetParam.optional(),
});

export const progressQuery = z.object({
  format: z.enum(['json', 'csv'], { message: 'format must be "json" or "csv"' }).default('json'),
});
