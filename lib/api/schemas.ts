import { z } from 'zod';

export const portParam = z.coerce
  .number({ message: 'port must be a number' })
  .int('port must be a whole number')
  .min(1, 'port must be between 1 and 65535')
  .max(65535, 'port must be between 1 and 65535');

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
