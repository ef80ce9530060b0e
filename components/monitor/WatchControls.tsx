'use client';

import { useSessionLog } from '@/components/sessions/session-log';
import { useMutation } from '@tanstack/react-query';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { formatClock } from '@/components/ui/format';
import { createWatchMutation, deleteWatchMutation } from './queries';
import type { WatchView } from './types';

const BUTTON =
  'rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-500 dark:bg-slate-800 dark:hover:bg-slate-700';

function stateLine(w: WatchView): string {
  const state =
    w.state === 'unknown'
      ? 'No sample yet'
      : `${w.state === 'up' ? 'Up' : 'Down'} since ${w.since ? formatClock(w.since) : '?'}`;
  const uptime = w.uptimePercent === null ? '' : ` · ${w.uptimePercent} % up over 24 h`;
  const why = w.state === 'down' && w.lastSample?.error ? ` — ${w.lastSample.error}` : '';
  return `${state}${why}${uptime} · sampled every ${w.intervalSeconds} s`;
}

/** "Watch this address", and for a watched one its state, uptime, notifications and "Stop watching". */
export function WatchControls({
  target,
  watch,
  notify,
  onNotify,
}: {
  target: string;
  watch: WatchView | undefined;
  notify: boolean;
  onNotify: (on: boolean) => void;
}) {
  const create = useMutation(createWatchMutation());
  const remove = useMutation(deleteWatchMutation());
  // With a session open, starting and stopping a watch are actions in its timeline like a stopped process.
  const sessionLog = useSessionLog();
  const canNotify = typeof Notification !== 'undefined';
  const askToNotify = async () => {
    // Asked only here, on the user's click: never on page load.
    const permission = await Notification.requestPermission();
    onNotify(permission === 'granted');
  };
  return (
    <div className="grid gap-2">
      {watch ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span
            data-testid="watch-state"
            data-state={watch.state}
            className={`font-semibold ${watch.state === 'down' ? 'text-red-800 dark:text-red-300' : watch.state === 'up' ? 'text-emerald-800 dark:text-emerald-300' : ''}`}
          >
            {stateLine(watch)}
          </span>
          {canNotify ? (
            notify ? (
              <button type="button" className={BUTTON} onClick={() => onNotify(false)}>
                Stop notifications
              </button>
            ) : (
              <button type="button" className={BUTTON} onClick={() => void askToNotify()}>
                Notify me when it goes up or down
              </button>
            )
          ) : null}
          <button
            type="button"
            className={BUTTON}
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(watch.id, {
                onSuccess: () =>
                  sessionLog?.action({
                    action: 'watch-stopped',
                    text: `Stopped watching ${watch.target}`,
                    watchId: watch.id,
                  }),
              })
            }
          >
            Stop watching
          </button>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            className={BUTTON}
            disabled={create.isPending}
            onClick={() =>
              create.mutate(
                { target },
                {
                  onSuccess: ({ watch: started }) =>
                    sessionLog?.action({
                      action: 'watch-started',
                      text: `Started watching ${started.target} every ${started.intervalSeconds} s`,
                      watchId: started.id,
                    }),
                },
              )
            }
          >
            Watch this address
          </button>
          <span className="text-slate-600 dark:text-slate-400">
            Samples {target} every 5 s on the server, even with this tab closed, and records when it goes up
            or down.
          </span>
        </div>
      )}
      {create.error ? <ErrorNotice title="Could not start the watch" error={create.error} /> : null}
      {remove.error ? <ErrorNotice title="Could not stop the watch" error={remove.error} /> : null}
    </div>
  );
}
