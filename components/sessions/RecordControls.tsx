'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatClock } from '@/components/ui/format';
import { sessionKey, startRecording, stopRecording, type RecordingStarted } from './session-api';

const storageKey = (sessionId: string) => `ld-recording:${sessionId}`;

function rememberedRecording(sessionId: string): RecordingStarted | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(sessionId));
    return raw ? (JSON.parse(raw) as RecordingStarted) : null;
  } catch {
    return null;
  }
}

/**
 * "Record" takes a snapshot and has the server follow the port's listeners and probe the target every
 * second while the person reproduces the problem; "Stop" takes the second snapshot and adds the recording
 * to the session. The running recording is remembered for this tab, so a reload can still stop it.
 */
export function RecordControls({ sessionId }: { sessionId: string }) {
  const client = useQueryClient();
  // Rendered only in the browser (below a fetched diagnosis or session), so storage can be read at once.
  const [running, setRunning] = useState(() => rememberedRecording(sessionId));

  const keep = (r: RecordingStarted | null) => {
    setRunning(r);
    try {
      if (r) window.sessionStorage.setItem(storageKey(sessionId), JSON.stringify(r));
      else window.sessionStorage.removeItem(storageKey(sessionId));
    } catch {
      // Only a reload loses it; the server stops it after 10 minutes anyway.
    }
  };

  const start = useMutation({
    mutationFn: () => startRecording(sessionId),
    onSuccess: ({ recording }) => keep(recording),
  });
  const stop = useMutation({
    mutationFn: (rid: string) => stopRecording(sessionId, rid),
    onSettled: (_d, error) => {
      // Stopped, or gone on the server (404: it ran out, the app restarted): either way not running.
      if (!error || ('status' in error && error.status === 404)) keep(null);
      void client.invalidateQueries({ queryKey: sessionKey(sessionId) });
    },
  });
  const error = start.error ?? stop.error;

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="recording">
      {running ? (
        <>
          <span role="status" className="font-medium text-red-800 dark:text-red-300">
            ● Recording since {formatClock(running.startedAt)}
          </span>
          <button
            type="button"
            onClick={() => stop.mutate(running.id)}
            disabled={stop.isPending}
            className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60 dark:bg-slate-800"
          >
            {stop.isPending ? 'Stopping…' : 'Stop'}
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => start.mutate()}
          disabled={start.isPending}
          className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60 dark:bg-slate-800"
        >
          {start.isPending ? 'Starting…' : 'Record'}
        </button>
      )}
      {error ? (
        <span role="alert" className="text-red-800 dark:text-red-300">
          {error.message}
        </span>
      ) : null}
    </div>
  );
}
