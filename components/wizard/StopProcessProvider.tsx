'use client';

import { useMutation } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { stopProcessMutation } from '@/components/data/queries';
import { useSessionLog } from '@/components/sessions/session-log';
import type { StopPhase, StopState, StopSubject } from './stop-state';
import type { StopPlatform } from './stop-wording';
import { StopProcessDialog } from './StopProcessDialog';

export interface StopApi extends StopState {
  /** Open the confirmation for one of the engine's stop actions (nothing is sent until the user confirms). */
  offer(subject: StopSubject): void;
  confirm(): void;
  force(): void;
  /** Reopen the dialog (from the page notice: "Force stop…"). */
  reopen(): void;
  closeDialog(): void;
  /** Forget the last result (the notice's "Dismiss"). */
  dismiss(): void;
}

const StopContext = createContext<StopApi | null>(null);

/** The stop action for the wizard on screen, or null where none is offered (a component rendered alone). */
export function useStopProcess(): StopApi | null {
  return useContext(StopContext);
}

/**
 * One stop action and one dialog for the whole wizard. They live above the steps because the card that
 * offered the stop disappears as soon as the port is free — the result must outlive it.
 */
export function StopProcessProvider({
  input,
  platform,
  children,
}: {
  input: string;
  platform: StopPlatform;
  children: ReactNode;
}) {
  const [subject, setSubject] = useState<StopState['subject']>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const mutation = useMutation(stopProcessMutation(input));
  const { mutate, reset } = mutation;
  const sessionLog = useSessionLog();

  let phase: StopPhase = 'confirm';
  if (mutation.isPending) phase = mutation.variables?.force ? 'forcing' : 'stopping';
  else if (mutation.isError) phase = 'refused';
  else if (mutation.data)
    phase = mutation.data.stopped
      ? 'stopped'
      : mutation.data.signal === 'SIGKILL'
        ? 'stuck'
        : 'still-running';

  const send = useCallback(
    (force: boolean) => {
      if (!subject) return;
      // Exactly what the engine's action names, start time included: the server re-checks all of it.
      const { pid, port, startedAt } = subject.action;
      mutate(
        { pid, port, startedAt, force },
        {
          // Stopped: nothing left to decide here; the notice on the page says so and the page moves on.
          onSuccess: (result) => {
            if (result.stopped) setDialogOpen(false);
            sessionLog?.action({
              action: 'stop-process',
              text: `${result.stopped ? 'you stopped' : 'you asked to stop'} ${subject.action.process ?? 'the process'} (pid ${pid}) on port ${port}`,
              pid,
              port,
            });
          },
        },
      );
    },
    [subject, mutate, sessionLog],
  );

  const offer = useCallback(
    (next: StopSubject) => {
      reset();
      setSubject(next);
      setDialogOpen(true);
    },
    [reset],
  );

  const api = useMemo<StopApi>(
    () => ({
      subject,
      phase,
      result: mutation.data,
      error: mutation.error,
      platform,
      dialogOpen,
      offer,
      confirm: () => send(false),
      force: () => send(true),
      reopen: () => setDialogOpen(true),
      closeDialog: () => setDialogOpen(false),
      dismiss: () => {
        reset();
        setSubject(null);
      },
    }),
    [subject, phase, mutation.data, mutation.error, platform, dialogOpen, offer, send, reset],
  );

  return (
    <StopContext.Provider value={api}>
      {children}
      <StopProcessDialog stop={api} />
    </StopContext.Provider>
  );
}
