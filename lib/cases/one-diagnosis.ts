/**
 * The CLI's case file: a session of one diagnosis, in the same format the app exports, redacted by default
 * with the same module (this machine's home directory and host name).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import { renderCase, type CaseFormat } from './export';
import { caseFileFromSession } from './from-session';
import { redactCase } from './redact';

export function oneDiagnosisCase(
  diagnosis: Diagnosis,
  {
    intent,
    format,
    redact,
    now = new Date().toISOString(),
  }: { intent: Intent; format: CaseFormat; redact: boolean; now?: string },
): string {
  const caseFile = caseFileFromSession({
    session: { id: randomUUID(), target: diagnosis.target.display, createdAt: now, readOnly: false },
    entries: [{ seq: 1, at: now, kind: 'diagnosis', payload: { intent, diagnosis } }],
    platform: diagnosis.facts.platform,
    hostname: hostname(),
    now,
  });
  return renderCase(redact ? redactCase(caseFile).caseFile : caseFile, format).body;
}
