/**
 * Reading a case file someone else made: the version first (a newer file says so, an older one is migrated),
 * then the schema, then what the schema cannot say — every diagnosis' target is one this doctor would have
 * parsed itself, and this machine's checks run on its facts without failing. Every refusal is a sentence.
 */
import type { z } from 'zod';
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Facts } from '@/lib/diagnosis/types';
import { parseTarget } from '@/lib/target';
import { CASE_SCHEMA_VERSION, caseFileSchema, type CaseFile } from './schema';

export type ReadCaseResult = { ok: true; caseFile: CaseFile } | { ok: false; message: string };

/**
 * Older versions and how each becomes the next. Version 1 is the first, so the list is empty; a version 2
 * adds `1: (v1) => v2` here and keeps opening files version 1 wrote.
 */
const MIGRATIONS: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {};

const refuse = (message: string): ReadCaseResult => ({ ok: false, message });

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not match the case file format';
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
  return `${where}: ${issue.message}`;
}

function migrated(file: Record<string, unknown>): Record<string, unknown> | string {
  let current = file;
  let version = current.schemaVersion;
  while (typeof version === 'number' && version < CASE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step)
      return `This case file has schema version ${version}, which no Localhost Doctor release wrote (the first is ${CASE_SCHEMA_VERSION}).`;
    current = step(current);
    version = current.schemaVersion;
  }
  return current;
}

/** Every diagnosis in the file: the timeline's own and the two snapshots of each recording. */
export function caseDiagnoses(caseFile: CaseFile) {
  return caseFile.entries.flatMap((e) =>
    e.kind === 'diagnosis'
      ? [{ seq: e.seq, diagnosis: e.payload.diagnosis }]
      : e.kind === 'recording'
        ? [
            { seq: e.seq, diagnosis: e.payload.before },
            { seq: e.seq, diagnosis: e.payload.after },
          ]
        : [],
  );
}

/** Why this machine could not check a diagnosis' facts, or null when it can. */
function recheckProblem(facts: Facts): string | null {
  const parsed = parseTarget(facts.target.input);
  if (!parsed.ok) return `its target is not an address (${parsed.error.message})`;
  const { host, port } = parsed.target;
  if (host !== facts.target.host || port !== facts.target.port)
    return `its target says ${facts.target.host}:${facts.target.port} but "${facts.target.input.slice(0, 80)}" is ${host}:${port}`;
  try {
    runChecks(facts);
    return null;
  } catch (err) {
    return `this doctor's checks could not read its facts (${err instanceof Error ? err.message : String(err)})`;
  }
}

export function readCaseFile(raw: unknown): ReadCaseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return refuse('A case file is a JSON object; this is not one.');
  const version = (raw as Record<string, unknown>).schemaVersion;
  if (version === undefined)
    return refuse('This is not a Localhost Doctor case file: it has no schemaVersion.');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return refuse(`schemaVersion must be a whole number, not ${JSON.stringify(version).slice(0, 40)}.`);
  if (version > CASE_SCHEMA_VERSION)
    return refuse(
      `This case file was made by a newer Localhost Doctor (version ${version}); update to open it (this one reads up to version ${CASE_SCHEMA_VERSION}).`,
    );
  const current = migrated(raw as Record<string, unknown>);
  if (typeof current === 'string') return refuse(current);
  const parsed = caseFileSchema.safeParse(current);
  if (!parsed.success) return refuse(`The case file is not valid: ${issueText(parsed.error)}.`);
  const seqs = new Set<number>();
  for (const entry of parsed.data.entries) {
    if (seqs.has(entry.seq)) return refuse(`The case file is not valid: entry ${entry.seq} appears twice.`);
    seqs.add(entry.seq);
  }
  for (const { seq, diagnosis } of caseDiagnoses(parsed.data)) {
    const problem = recheckProblem(diagnosis.facts as unknown as Facts);
    if (problem) return refuse(`The diagnosis in entry ${seq} cannot be opened here: ${problem}.`);
  }
  return { ok: true, caseFile: parsed.data };
}
