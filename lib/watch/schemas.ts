import { z } from 'zod';
import { targetParam } from '@/lib/api/schemas';

export const MIN_INTERVAL_SECONDS = 1;
export const MAX_INTERVAL_SECONDS = 3600;
export const DEFAULT_INTERVAL_SECONDS = 5;

const intervalMessage = `intervalSeconds must be a whole number from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS}`;

export const intervalSeconds = z
  .number({ message: intervalMessage })
  .int(intervalMessage)
  .min(MIN_INTERVAL_SECONDS, intervalMessage)
  .max(MAX_INTERVAL_SECONDS, intervalMessage);

/** POST /api/watches. Strict: a mistyped "interval" is an error, not a silent 5 s. */
export const createWatchInput = z.strictObject({
  target: z.string({ message: 'target is required, e.g. {"target":"localhost:3000"}' }).pipe(targetParam),
  intervalSeconds: intervalSeconds.optional(),
});

export const watchIdParam = z
  .string({ message: 'id is required' })
  .regex(/^[0-9a-f-]{36}$/i, 'id must be a watch id as POST /api/watches returned it');

const isoTime = z
  .string()
  .max(64, 'since is too long')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'since must be an ISO 8601 time, e.g. 2030-01-01T00:00:00Z');

/** Most samples one answer carries: 24 h at the 5 s default is 17,280. */
export const MAX_SAMPLES = 20_000;

export const samplesQuery = z.object({
  id: watchIdParam,
  since: isoTime.optional(),
  limit: z
    .string()
    .regex(/^\d{1,6}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(
      z.number().int().min(1, 'limit must be 1 or more').max(MAX_SAMPLES, `limit is at most ${MAX_SAMPLES}`),
    )
    .optional(),
});

export const watchIdInput = z.object({ id: watchIdParam });

/** The window GET /api/watches computes uptimePercent over. */
export const UPTIME_WINDOW_MS = 24 * 60 * 60 * 1000;
