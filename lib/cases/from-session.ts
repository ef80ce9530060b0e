/**
 * A stored session as a case file: the session row, its entries in order, and where and by which doctor it
 * was captured. The entries' payloads are the shared contract (lib/cases/schema.ts) that the session routes
 * write, so they are carried over as they are.
 */
import pkg from '@/package.json';
import type { Session, SessionEntry } from '@/lib/store/sessions';
import { CASE_SCHEMA_VERSION, type CaseEntry, type CaseFile } from './schema';

export const APP_NAME = 'Localhost Doctor';

export function caseFileFromSession({
  session,
  entries,
  platform,
  hostname,
  now = new Date().toISOString(),
}: {
  session: Session;
  entries: readonly Pick<SessionEntry, 'seq' | 'at' | 'kind' | 'payload'>[];
  platform: CaseFile['machine']['platform'];
  hostname?: string;
  now?: string;
}): CaseFile {
  return {
    schemaVersion: CASE_SCHEMA_VERSION,
    exportedAt: now,
    app: { name: APP_NAME, version: pkg.version },
    machine: { platform, ...(hostname ? { hostname } : {}) },
    session: {
      id: session.id,
      target: session.target,
      createdAt: session.createdAt,
      readOnly: session.readOnly,
      ...(session.importedFrom ? { importedFrom: session.importedFrom } : {}),
    },
    entries: entries.map((e) => ({ seq: e.seq, at: e.at, kind: e.kind, payload: e.payload }) as CaseEntry),
  };
}
