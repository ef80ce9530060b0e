/**
 * The browser's side of the session API: query options for a session and the recent list, and the writes
 * (entries, recordings). Entries are written with `keepalive`, so a copy or a chosen port that navigates
 * away is still recorded.
 */
import { queryOptions } from '@tanstack/react-query';
import { getJson, postJson } from '@/components/data/api';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import type { ActionPayload, CopiedPayload, SessionEntryView, SessionView } from '@/lib/sessions/entries';

export interface SessionAnswer {
  session: SessionView;
  entries: SessionEntryView[];
}

export const sessionKey = (id: string) => ['session', id] as const;

export function sessionQuery(id: string) {
  return queryOptions({
    queryKey: sessionKey(id),
    queryFn: ({ signal }) => getJson<SessionAnswer>(`/api/sessions/${encodeURIComponent(id)}`, signal),
  });
}

export function recentSessionsQuery(limit = 8) {
  return queryOptions({
    queryKey: ['sessions', limit] as const,
    queryFn: ({ signal }) => getJson<{ sessions: SessionView[] }>(`/api/sessions?limit=${limit}`, signal),
  });
}

const entryUrl = (id: string, word: string) => `/api/sessions/${encodeURIComponent(id)}/${word}`;

async function postEntry(id: string, word: string, body: object): Promise<SessionEntryView> {
  const res = await fetch(entryUrl(id, word), {
    method: 'POST',
    keepalive: true,
    cache: 'no-store',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as {
    entry?: SessionEntryView;
    error?: { message?: string };
  } | null;
  if (!res.ok || !answer?.entry)
    throw new Error(answer?.error?.message ?? `The server answered ${res.status}.`);
  return answer.entry;
}

export const postNote = (id: string, text: string) => postEntry(id, 'notes', { text });
export const postAction = (id: string, action: ActionPayload) => postEntry(id, 'actions', action);
export const postCopied = (id: string, copied: CopiedPayload) => postEntry(id, 'copied', copied);

/** Diagnoses through the session, so the diagnosis is also the timeline's next entry. */
export async function sessionDiagnosis(id: string, intent: Intent, signal?: AbortSignal): Promise<Diagnosis> {
  const { entry } = await postJson<{ entry: { diagnosis: Diagnosis } }>(
    entryUrl(id, 'diagnoses'),
    intent === 'start' ? { intent } : {},
    signal,
  );
  return entry.diagnosis;
}

export interface RecordingStarted {
  id: string;
  startedAt: string;
}

export const startRecording = (id: string) =>
  postJson<{ recording: RecordingStarted }>(entryUrl(id, 'recordings'), {});

export const stopRecording = (id: string, rid: string) =>
  postJson<{ entry: SessionEntryView }>(`${entryUrl(id, 'recordings')}/${encodeURIComponent(rid)}/stop`, {});
