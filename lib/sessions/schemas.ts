/** The session API's inputs, validated at the edge (zod). Strict: a mistyped field is an error, not ignored. */
import { z } from 'zod';
import { targetParam } from '@/lib/api/schemas';
import { NOTE_MAX_CHARS } from './limits';

export { NOTE_MAX_CHARS } from './limits';
const TEXT_MAX_CHARS = 500;
const COMMAND_MAX_CHARS = 4000;

export const sessionIdParam = z.uuid({
  message: 'the session id must be a UUID, as POST /api/sessions gave it',
});

const intent = z.enum(['reach', 'start'], { message: 'intent must be "start" or "reach"' });

export const createSessionInput = z.strictObject({ target: targetParam, intent: intent.optional() });

export const listSessionsQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 200')
    .transform(Number)
    .pipe(z.number().int().min(1, 'limit must be 1 or more').max(200, 'limit must be 200 or less'))
    .optional(),
});

export const sessionPath = z.object({ id: sessionIdParam });

export const diagnosisInput = z.strictObject({ id: sessionIdParam, intent: intent.optional() });

export const noteInput = z.strictObject({
  id: sessionIdParam,
  text: z
    .string({ message: 'text is required: the note to keep' })
    .trim()
    .min(1, 'text is empty')
    .max(NOTE_MAX_CHARS, `a note is at most ${NOTE_MAX_CHARS} characters`),
});

const port = z
  .number()
  .int()
  .min(1, 'port must be between 1 and 65535')
  .max(65535, 'port must be between 1 and 65535');

export const actionInput = z.strictObject({
  id: sessionIdParam,
  action: z
    .string({ message: 'action is required (stop-process, free-port, watch-started, guide-step, …)' })
    .regex(/^[a-z][a-z-]{0,39}$/, 'action is a short lower-case word like stop-process'),
  text: z
    .string({ message: 'text is required: what was done, in a sentence' })
    .trim()
    .min(1)
    .max(TEXT_MAX_CHARS),
  pid: z.number().int().min(1).max(2_147_483_647).optional(),
  port: port.optional(),
  watchId: z.string().max(100).optional(),
  step: z
    .enum(['start', 'open', 'monitor', 'fix'], { message: 'step is one of start, open, monitor, fix' })
    .optional(),
});

export const copiedInput = z.strictObject({
  id: sessionIdParam,
  findingId: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, 'findingId is a finding id like port-taken')
    .nullable(),
  label: z.string().trim().min(1, 'label is empty').max(TEXT_MAX_CHARS),
  command: z.string().min(1, 'command is empty').max(COMMAND_MAX_CHARS),
  platform: z.enum(['linux', 'darwin', 'win32', 'any'], {
    message: 'platform is linux, darwin, win32 or any',
  }),
});

export const startRecordingInput = z.strictObject({ id: sessionIdParam, intent: intent.optional() });

export const stopRecordingInput = z.strictObject({
  id: sessionIdParam,
  rid: z.uuid({ message: 'the recording id must be a UUID, as starting the recording gave it' }),
});
