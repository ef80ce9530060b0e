import { z } from 'zod';
import { portParam } from '@/lib/api/schemas';
import { DEFAULT_HISTORY_LIMIT, MAX_HISTORY_LIMIT } from './query';

/** An ISO 8601 time with a date and a clock time ('2026-12-01T14:02:11Z'); 'yesterday' or '1' is bad input. */
export const isoTimeParam = z
  .string()
  .max(40, 'since is too long')
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/,
    'since must be an ISO time, like 2026-12-01T14:02:11Z',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'since must be a real date and time')
  .transform((s) => new Date(s).toISOString());

const limitParam = z
  .string()
  .regex(/^\d{1,4}$/, `limit must be a whole number from 1 to ${MAX_HISTORY_LIMIT}`)
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, `limit must be from 1 to ${MAX_HISTORY_LIMIT}`)
      .max(MAX_HISTORY_LIMIT, `limit must be from 1 to ${MAX_HISTORY_LIMIT}`),
  );

/** GET /api/history?port=N[&since=ISO][&limit=K] */
export const historyQuery = z.object({
  port: portParam,
  since: isoTimeParam.optional(),
  limit: limitParam.optional().default(DEFAULT_HISTORY_LIMIT),
});
