import 'server-only';
import type { NextResponse } from 'next/server';
import { errorResponse, storeUnavailableResponse } from '@/lib/api/respond';
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Diagnosis } from '@/lib/diagnosis/types';
import {
  appendSessionEntry,
  createSession,
  getSession,
  getStore,
  listSessions,
  sessionEntries,
  type Session,
  type SessionEntryKind,
} from '@/lib/store';
import type { SessionEntryView, SessionView } from './entries';
import { entryView } from './to-view';

export type Answer<T> = { ok: true; value: T } | { ok: false; response: NextResponse };

const notFound = (id: string): Answer<never> => ({
  ok: false,
  response: errorResponse(404, 'session-not-found', `There is no session ${id} in this doctor's store.`),
});

export const readOnlyRefusal = (): NextResponse =>
  errorResponse(
    409,
    'session-read-only',
    'This session was imported from a case file: it is a record of another machine and takes no new entries.',
  );

const sessionView = (s: Session): SessionView => ({
  id: s.id,
  target: s.target,
  createdAt: s.createdAt,
  readOnly: s.readOnly,
  ...(s.importedFrom === undefined ? {} : { importedFrom: s.importedFrom }),
});

export function newSession(target: string): Answer<SessionView> {
  const r = getStore().write((db) => createSession(db, { target }));
  return r.ok
    ? { ok: true, value: sessionView(r.value) }
    : { ok: false, response: storeUnavailableResponse(r.reason) };
}

export function recentSessions(limit: number): Answer<SessionView[]> {
  const r = getStore().read((db) => listSessions(db, { limit }));
  return r.ok
    ? { ok: true, value: r.value.map(sessionView) }
    : { ok: false, response: storeUnavailableResponse(r.reason) };
}

export function findSession(id: string): Answer<SessionView> {
  const r = getStore().read((db) => getSession(db, id));
  if (!r.ok) return { ok: false, response: storeUnavailableResponse(r.reason) };
  return r.value ? { ok: true, value: sessionView(r.value) } : notFound(id);
}

/**
 * Facts captured on another machine, checked by THIS machine's engine: the findings and summary are the
 * helper's version's. A fact this version cannot read keeps the findings it was stored with.
 */
function checkedHere(d: Diagnosis): Diagnosis {
  try {
    return runChecks(d.facts);
  } catch {
    return d;
  }
}

function recheck(e: SessionEntryView): SessionEntryView {
  if (e.kind === 'diagnosis') return { ...e, diagnosis: checkedHere(e.diagnosis) };
  if (e.kind === 'recording') return { ...e, before: checkedHere(e.before), after: checkedHere(e.after) };
  return e;
}

export function sessionWithEntries(
  id: string,
): Answer<{ session: SessionView; entries: SessionEntryView[] }> {
  const r = getStore().read((db) => {
    const session = getSession(db, id);
    return session ? { session, entries: sessionEntries(db, id) } : null;
  });
  if (!r.ok) return { ok: false, response: storeUnavailableResponse(r.reason) };
  if (!r.value) return notFound(id);
  const { session, entries } = r.value;
  const views = entries.map(entryView);
  return {
    ok: true,
    value: { session: sessionView(session), entries: session.readOnly ? views.map(recheck) : views },
  };
}

export function appendEntry(id: string, kind: SessionEntryKind, payload: object): Answer<SessionEntryView> {
  const r = getStore().write((db) => appendSessionEntry(db, { sessionId: id, kind, payload }));
  if (!r.ok) return { ok: false, response: storeUnavailableResponse(r.reason) };
  if (r.value.status === 'not-found') return notFound(id);
  if (r.value.status === 'read-only') return { ok: false, response: readOnlyRefusal() };
  return { ok: true, value: entryView(r.value.entry) };
}
