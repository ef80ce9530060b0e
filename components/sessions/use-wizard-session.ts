'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
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
  try {
    const { session } = await postJson<{ session?: SessionView }>('/api/sessions', { target: input });
    return typeof session?.id === 'string' ? session : null;
  } catch {
    // A paused store or a refused target: the wizard still diagnoses, only nothing is kept.
    return null;
  }
}

export interface WizardSession {
  session: SessionView | null;
  /** False until it is known whether there is a session: the first diagnosis waits for that. */
  settled: boolean;
}

/**
 * The wizard's session for the address typed: continued across reloads through `?session=<id>` in the URL
 * and localStorage per target; opened only once the wizard may probe (`enabled`).
 */
export function useWizardSession(input: string, enabled: boolean): WizardSession {
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

  return { session, settled: query.isFetched || query.isError };
}
