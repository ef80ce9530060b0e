'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import { diagnosisQuery, liveQuery, type LiveSnapshot } from '@/components/data/queries';
import { describeNow, diffListeners, listenerSignature, type ChangeEvent } from './listener-changes';

const LOG_LIMIT = 30;

export interface LivePort {
  snapshot: LiveSnapshot | undefined;
  error: unknown;
  paused: boolean;
  setPaused: (paused: boolean) => void;
  /** Newest first. */
  log: ChangeEvent[];
  /** The live view already sees a different set of listeners than the diagnosis on screen (it is being redone). */
  diverged: boolean;
}

/**
 * Watches the target's port (listeners + connections) every 1.5 s, keeps a log of what changed, and asks for
 * a fresh diagnosis whenever what listens there no longer matches the diagnosis shown — that is what turns
 * the "waiting for your service" state green without a reload.
 */
export function useLivePort(input: string, intent: Intent, diagnosis: Diagnosis): LivePort {
  const port = diagnosis.target.port;
  const [paused, setPaused] = useState(false);
  const live = useQuery(liveQuery(input, port, paused));
  const queryClient = useQueryClient();

  // The log is built while rendering from the previous snapshot (React's "adjust state on prop change"
  // pattern), so each snapshot is compared exactly once without an effect.
  const [seen, setSeen] = useState<LiveSnapshot | null>(null);
  const [log, setLog] = useState<ChangeEvent[]>([]);
  const snapshot = live.data;
  if (snapshot && snapshot !== seen) {
    const events = seen
      ? diffListeners(seen.listeners.listeners, snapshot.listeners.listeners, snapshot.at)
      : [describeNow(snapshot.listeners.listeners, port, snapshot.at)];
    setSeen(snapshot);
    const newestFirst = [...events].reverse();
    // Pure updater (StrictMode may call it twice): nothing mutated inside.
    if (newestFirst.length > 0) setLog((old) => [...newestFirst, ...old].slice(0, LOG_LIMIT));
  }

  const liveSig = snapshot ? listenerSignature(snapshot.listeners.listeners, port) : null;
  const facts = diagnosis.facts.listeners;
  const shownSig = facts.status === 'ok' ? listenerSignature(facts.value.listeners, port) : null;
  const diverged = liveSig !== null && shownSig !== null && liveSig !== shownSig;

  useEffect(() => {
    if (diverged) void queryClient.invalidateQueries({ queryKey: diagnosisQuery(input, intent).queryKey });
    // liveSig in the deps: a second, different change while the first re-check runs asks again.
  }, [diverged, liveSig, input, intent, queryClient]);

  return { snapshot, error: live.error, paused, setPaused, log, diverged };
}
