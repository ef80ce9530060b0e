import 'server-only';
import { hostname } from 'node:os';
import { host } from '@/lib/host';
import { getSession, sessionEntries, type HistoryStore, type SessionEntry } from '@/lib/store';
import { caseFileFromSession } from './from-session';
import type { CaseFile } from './schema';

export type SessionCaseResult =
  { status: 'ok'; caseFile: CaseFile } | { status: 'not-found' } | { status: 'unavailable'; reason: string };

const casePlatform = (p: unknown): CaseFile['machine']['platform'] =>
  p === 'darwin' || p === 'win32' ? p : 'linux';

/** Where the facts were gathered: an imported session's own machine, else this one. */
function platformOf(entries: readonly SessionEntry[]): CaseFile['machine']['platform'] {
  const diagnosis = entries.findLast((e) => e.kind === 'diagnosis')?.payload as
    { diagnosis?: { facts?: { platform?: unknown } } } | undefined;
  return casePlatform(diagnosis?.diagnosis?.facts?.platform ?? host().platform);
}

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
      platform: platformOf(read.value.entries),
      // An imported session was captured elsewhere: this machine's name is not part of it.
      hostname: read.value.session.readOnly ? undefined : hostname(),
    }),
  };
}
