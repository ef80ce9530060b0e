/** The query of a case-file export or its redaction preview: zod at the edge, as every route does. */
import { z } from 'zod';
import { CASE_FORMATS } from './export';

const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'use true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === '1' || v === 'true' || v === 'yes'));

export const sessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, { message: 'a session id is letters, digits and hyphens' });

export const redactionQuery = z.object({
  hostname: flag(false),
  keep: z
    .string()
    .max(10_000)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
});

export const reportQuery = redactionQuery.extend({
  format: z.enum(CASE_FORMATS, { message: 'format must be md, json or html' }).default('md'),
  redact: flag(true),
});
