/**
 * The case file: one session (its diagnoses, notes, actions, copied fixes, recordings) as it leaves one
 * machine and opens on another. The same zod schema validates what is exported and what is imported.
 */
import { z } from 'zod';
import { factsSchema, targetSchema } from './facts-schema';

export const CASE_SCHEMA_VERSION = 1;

const text = (max = 20_000) => z.string().max(max);
const severity = z.enum(['error', 'warning', 'info', 'ok']);
const step = z.enum(['start', 'open', 'monitor', 'fix']);
const platform = z.enum(['linux', 'darwin', 'win32', 'any']);
const isoTime = z.iso.datetime({ offset: true });

const part = z.union([
  z.looseObject({ word: text() }),
  z.looseObject({ op: z.enum(['&&', '||', '|']) }),
  z.looseObject({ env: text(200), value: text() }),
  z.looseObject({ raw: text(100) }),
]);

export const fixSchema = z.looseObject({
  platform,
  label: text(),
  command: text(),
  shell: z.enum(['posix', 'powershell', 'cmd', 'portable', 'code', 'address']),
  script: z.array(part).max(1000).optional(),
});

export const findingSchema = z.looseObject({
  id: text(100),
  severity,
  step,
  title: text(),
  detail: text(100_000),
  fixes: z.array(fixSchema).max(200),
  lesson: text(200).optional(),
  action: text().optional(),
  actions: z
    .array(z.looseObject({ kind: text(100) }))
    .max(100)
    .optional(),
});

export const diagnosisSchema = z.looseObject({
  target: targetSchema,
  facts: factsSchema,
  findings: z.array(findingSchema).max(1000),
  summary: z.looseObject({
    severity,
    headline: text(),
    cause: text(100).nullable(),
    firstFix: fixSchema.nullable(),
  }),
});

const diagnosisPayload = z.looseObject({ intent: z.enum(['reach', 'start']), diagnosis: diagnosisSchema });
const notePayload = z.looseObject({ text: text(100_000) });
const actionPayload = z.looseObject({
  action: text(100),
  text: text(),
  pid: z.number().int().min(0).optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  watchId: text(200).optional(),
  step: text(100).optional(),
});
const copiedPayload = z.looseObject({
  findingId: text(100),
  label: text(),
  command: text(),
  platform: text(20),
});
const recordingPayload = z.looseObject({
  startedAt: isoTime,
  stoppedAt: isoTime,
  before: diagnosisSchema,
  after: diagnosisSchema,
  events: z.array(z.looseObject({})).max(100_000),
  probes: z
    .array(
      z.looseObject({
        at: isoTime,
        up: z.boolean(),
        // A probe that never connected may leave these out or null: both mean "none".
        connectMs: z.number().min(0).nullish(),
        status: z.union([z.number(), text(100)]).nullish(),
      }),
    )
    .max(100_000),
});

const entryBase = { seq: z.number().int().min(1), at: isoTime };

export const caseEntrySchema = z.discriminatedUnion('kind', [
  z.looseObject({ ...entryBase, kind: z.literal('diagnosis'), payload: diagnosisPayload }),
  z.looseObject({ ...entryBase, kind: z.literal('note'), payload: notePayload }),
  z.looseObject({ ...entryBase, kind: z.literal('action'), payload: actionPayload }),
  z.looseObject({ ...entryBase, kind: z.literal('copied'), payload: copiedPayload }),
  z.looseObject({ ...entryBase, kind: z.literal('recording'), payload: recordingPayload }),
]);

export const caseFileSchema = z.looseObject({
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  exportedAt: isoTime,
  app: z.looseObject({ name: text(100), version: text(100) }),
  machine: z.looseObject({ platform: z.enum(['linux', 'darwin', 'win32']), hostname: text(253).optional() }),
  session: z.looseObject({
    id: text(100),
    target: text(2048),
    createdAt: isoTime,
    readOnly: z.boolean().optional(),
    importedFrom: text(500).optional(),
  }),
  entries: z.array(caseEntrySchema).max(10_000),
});

export type CaseFile = z.infer<typeof caseFileSchema>;
export type CaseEntry = z.infer<typeof caseEntrySchema>;
export type CaseEntryKind = CaseEntry['kind'];
export type DiagnosisEntryPayload = z.infer<typeof diagnosisPayload>;
export type NoteEntryPayload = z.infer<typeof notePayload>;
export type ActionEntryPayload = z.infer<typeof actionPayload>;
export type CopiedEntryPayload = z.infer<typeof copiedPayload>;
export type RecordingEntryPayload = z.infer<typeof recordingPayload>;
