import { z } from 'zod';

/**
 * A port from the query string: decimal digits only. `Number()` would also take '1e3', '0x50', ' 80' or '' —
 * a port is never written that way, so those are bad input, not 1000 and 80.
 */
export const portParam = z
  .string({ message: 'port must be a number' })
  .regex(/^\d{1,5}$/, 'port must be written in decimal digits, like 3000')
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, 'port must be between 1 and 65535')
      .max(65535, 'port must be between 1 and 65535'),
  );

export const targetParam = z
  .string({ message: 'target is required, e.g. ?target=localhost:3000' })
  .trim()
  .min(1, 'target is required, e.g. ?target=localhost:3000')
  .max(2048, 'target is too long');

export const diagnoseQuery = z.object({
  target: targetParam,
  intent: z.enum(['reach', 'start'], { message: 'intent must be "start" or "reach"' }).optional(),
});

export const listenersQuery = z.object({ port: portParam.optional() });
export const probeQuery = z.object({ target: targetParam });
export const connectionsQuery = z.object({ port: portParam });

export const freePortQuery = z.object({
  near: portParam,
});

/** A pid from the URL path: digits only (a signal to pid 0 or -1 would reach a whole process group). */
export const pidParam = z
  .string({ message: 'pid is required' })
  .regex(/^\d{1,10}$/, 'pid must be a positive whole number')
  .transform(Number)
  .pipe(z.number().int().min(1, 'pid must be 1 or more').max(2_147_483_647, 'pid is too large'));

/**
 * POST /api/processes/{pid}/stop: the path's pid merged with the JSON body; port and startedAt required.
 * Strict, so a mistyped "forced" is an error rather than a silently gentler stop; JSON numbers only, no
 * coercion.
 */
export const stopProcessInput = z.strictObject({
  pid: pidParam,
  port: z
    .number({ message: 'port must be a number (the TCP port the process holds)' })
    .int('port must be a whole number')
    .min(1, 'port must be between 1 and 65535')
    .max(65535, 'port must be between 1 and 65535'),
  // Required: the start time is what proves the pid still names the process the user confirmed. null is
  // accepted as input (the listing could not read it) so that the refusal can say exactly that.
  startedAt: z.union(
    [
      z
        .string()
        .max(64, 'startedAt is too long')
        .refine((s) => !Number.isNaN(Date.parse(s)), 'startedAt must be a date, as the listing gave it'),
      z.null(),
    ],
    {
      message:
        "startedAt is required: the start time the listing (or the finding's stop-process action) gave for this pid, so a reused pid is never stopped",
    },
  ),
  force: z.boolean({ message: 'force must be true or false' }).optional(),
});
