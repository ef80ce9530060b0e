'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { diagnosisQuery } from '@/components/data/queries';
import type { Intent } from '@/lib/diagnosis/types';
import { sessionDiagnosis } from './session-api';
import { getJson, postJson } from '@/components/data/api';
import type { SessionView } from '@/lib/sessions/entries';

/** Where the wizard keeps the session of each target, so a reload (or a later visit) continues it. */
const storageKey = (input: string) => `ld-session:${input}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function remembered(input: string): string[] {
  const ids: string[] = [];
  const fromUrl = new URLSearchParams(window.location.search).get('session');
  if (fromUrl && UUID.test(fromUrl)) ids.push(fromUrl);
  try {
    const stored = window.localStorage.getItem(storageKey(input));
    if (stored && UUID.test(stored)) ids.push(stored);
  } catch {
    // Storage refused (private mode): the URL still carries the session.
  }
  return ids;
}

async function openSession(input: string): Promise<SessionView | null> {
  try {
    const { session } = await postJson<{ session?: SessionView }>('/api/sessions', { target: input });
    return typeof session?.id === 'string' ? session : null;
  } catch {
    // A paused store or a refused target: the wizard still diagnoses, only nothing is kept.
    return null;
  }
}

/** The session to continue (from the URL, else this browser's memory of the target), or a new one. */
async function resolveSession(input: string): Promise<SessionView | null> {
  for (const id of remembered(input)) {
    try {
      const { session } = await getJson<{ session: SessionView }>(`/api/sessions/${id}`);
      if (session?.target === input && !session.readOnly) return session;
    } catch {
      // Gone (deleted, another DATA_DIR) or unreadable: try the next, then open a new one.
    }
  }
  return openSession(input);
}

export interface WizardSession {
  session: SessionView | null;
  /** False until it is known whether there is a session: the first diagnosis waits for that. */
  settled: boolean;
  /** Leaves the current session as it is and starts a new one for the same address, with a fresh diagnosis. */
  startOver(): void;
}

/**
 * The wizard's session for the address typed: continued across reloads through `?session=<id>` in the URL
 * and localStorage per target; opened only once the wizard may probe (`enabled`).
 */
export function useWizardSession(input: string, intent: Intent, enabled: boolean): WizardSession {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['wizard-session', input] as const,
    queryFn: () => resolveSession(input),
    enabled,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  const session = query.data ?? null;

  useEffect(() => {
    if (!session) return;
    try {
      window.localStorage.setItem(storageKey(input), session.id);
    } catch {
      // Not kept in this browser; the URL below still is.
    }
    const url = new URL(window.location.href);
    if (url.searchParams.get('session') === session.id) return;
    url.searchParams.set('session', session.id);
    // Next's router follows history.replaceState: the page stays, the URL now names the session.
    window.history.replaceState(null, '', url);
  }, [session, input]);

  const startOver = useCallback(() => {
    void openSession(input).then((fresh) => {
      if (!fresh) return;
      // The new session's first entry is the address as it is now, fetched through it explicitly: the
      // wizard's own query still holds the old session's function until it renders again.
      void client
        .fetchQuery({
          ...diagnosisQuery(input, intent),
          queryFn: ({ signal }) => sessionDiagnosis(fresh.id, intent, signal),
          staleTime: 0,
        })
        .finally(() => client.setQueryData(['wizard-session', input], fresh));
    });
  }, [client, input, intent]);

  return { session, settled: query.isFetched || query.isError, startOver };
}
