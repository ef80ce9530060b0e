'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Diagnosis } from '@/lib/diagnosis/types';
import type { ActionPayload } from '@/lib/sessions/entries';
import { CopyReporterContext, type CopyReporter } from './copy-reporter';
import { postAction, postCopied, sessionKey } from './session-api';

export interface SessionLog {
  sessionId: string;
  /** Records an action taken through the app; failures are not the user's problem here, so they are dropped. */
  action(action: ActionPayload): void;
}

const SessionLogContext = createContext<SessionLog | null>(null);

/** The open session's log, or null when the page has none (a paused store, a component rendered alone). */
export function useSessionLog(): SessionLog | null {
  return useContext(SessionLogContext);
}

/**
 * Everything the wizard does through the app lands in the session: actions through useSessionLog, and
 * every copied command (matched to the finding and platform of the fix it is, when it is one).
 */
export function SessionLogProvider({
  sessionId,
  diagnosis,
  children,
}: {
  sessionId: string;
  diagnosis: Diagnosis;
  children: ReactNode;
}) {
  const client = useQueryClient();
  const value = useMemo(() => {
    const refresh = () => void client.invalidateQueries({ queryKey: sessionKey(sessionId) });
    const log: SessionLog = {
      sessionId,
      action: (action) => void postAction(sessionId, action).then(refresh, () => {}),
    };
    const report: CopyReporter = ({ command, label }) => {
      const owner = diagnosis.findings.find((f) => f.fixes.some((x) => x.command === command));
      const fix = owner?.fixes.find((x) => x.command === command) ?? diagnosis.summary.firstFix;
      void postCopied(sessionId, {
        findingId: owner?.id ?? null,
        label: fix?.command === command ? fix.label : (label ?? 'command'),
        command,
        platform: fix?.command === command ? fix.platform : 'any',
      }).then(refresh, () => {});
    };
    return { log, report };
  }, [client, sessionId, diagnosis]);
  return (
    <SessionLogContext.Provider value={value.log}>
      <CopyReporterContext.Provider value={value.report}>{children}</CopyReporterContext.Provider>
    </SessionLogContext.Provider>
  );
}
