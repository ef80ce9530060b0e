import { ApiError, getJson } from '@/components/data/api';
import { diagnosisQuery } from '@/components/data/queries';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import { sessionDiagnosis } from './session-api';

/**
 * The wizard's diagnosis query, under the same key: with a session open, every diagnosis the wizard runs
 * (the first, "Check again", the re-checks when the port changes) goes through the session and becomes
 * its next entry. A store that cannot take it (409) still gets the person an answer, unrecorded.
 */
export function wizardDiagnosisQuery(input: string, intent: Intent, sessionId: string | null) {
  const plain = diagnosisQuery(input, intent);
  if (!sessionId) return plain;
  const params = new URLSearchParams({ target: input });
  if (intent === 'start') params.set('intent', 'start');
  return {
    ...plain,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<Diagnosis> => {
      try {
        return await sessionDiagnosis(sessionId, intent, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 409)
          return getJson<Diagnosis>(`/api/diagnose?${params}`, signal);
        throw err;
      }
    },
  };
}
