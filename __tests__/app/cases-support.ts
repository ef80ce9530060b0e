// A session written into the app's DATA_DIR before it starts, holding a real diagnosis of a real server
// whose command line carries secrets (integration/cases/secret-server.ts). The store functions are the
// ones the session routes use, so the app reads exactly what it would have written.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { openStore } from '@/lib/store/open-store';
import { appendSessionEntry, createSession, sessionEntries, getSession } from '@/lib/store/sessions';
import { rawRequest, type RawResponse, type RunningApp } from '../support/app-server';

export async function diagnosed(target: string): Promise<Diagnosis> {
  const result = await diagnose(target);
  if (!result.ok) throw new Error(result.error.message);
  return result.diagnosis;
}

export function dataDirWithSession(
  diagnosis: Diagnosis,
  note: string,
): { dataDir: string; sessionId: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'ld-cases-app-'));
  const opened = openStore({ dataDir, log: { warn: () => {} } });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  const session = createSession(opened.db, { target: diagnosis.target.display });
  appendSessionEntry(opened.db, {
    sessionId: session.id,
    kind: 'diagnosis',
    payload: { intent: 'reach', diagnosis },
  });
  appendSessionEntry(opened.db, { sessionId: session.id, kind: 'note', payload: { text: note } });
  opened.db.close();
  return { dataDir, sessionId: session.id };
}

/** The session and entries as the app stored them (a second connection to its WAL database). */
export function storedSession(dataDir: string, id: string) {
  const opened = openStore({ dataDir, log: { warn: () => {} } });
  if (opened.status !== 'ok') throw new Error(opened.reason);
  try {
    return { session: getSession(opened.db, id), entries: sessionEntries(opened.db, id) };
  } finally {
    opened.db.close();
  }
}

export function get(app: RunningApp, path: string): Promise<RawResponse> {
  return rawRequest(`${app.url}${path}`, { headers: { host: `127.0.0.1:${app.port}` } });
}

let client = 0;
export function importCase(
  app: RunningApp,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(`${app.url}/api/reports/import`, {
    method: 'POST',
    headers: {
      host: `127.0.0.1:${app.port}`,
      origin: app.url,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'x-forwarded-for': `10.9.${(++client >> 8) & 255}.${client & 255}`,
      ...headers,
    },
    body,
    timeoutMs: 30_000,
  });
}
