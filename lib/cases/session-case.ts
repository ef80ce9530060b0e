import 'server-only';
import { hostname } from 'node:os';
import { host } from '@/lib/host';
import { getSession, sessionEntries, type HistoryStore } from '@/lib/store';
import { caseFileFromSession } from './from-session';
import type { CaseFile } from './schema';

export type SessionCaseResult =
  { status: 'ok'; caseFile: CaseFile } | { status: 'not-found' } | { status: 'unavailable'; reason: string };

const casePlatform = (p: string): CaseFile['machine']['platform'] =>
  p === 'darwin' || p === 'win32' ? p : 'linux';

/** A stored session as this machine's case file (unredacted: the caller redacts before anything leaves). */
export function loadSessionCase(store: HistoryStore, id: string): SessionCaseResult {
  const read = store.read((db) => {
    const session = getSession(db, id);
    return session ? { session, entries: sessionEntries(db, id) } : null;
  });
  if (!read.ok) return { status: 'unavailable', reason: read.reason };
  if (!read.value) return { status: 'not-found' };
  return {
    status: 'ok',
    caseFile: caseFileFromSession({
      ...read.value,
      platform: casePlatform(host().platform),
      hostname: hostname(),
    }),
  };
}
