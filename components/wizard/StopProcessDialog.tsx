'use client';

import { useCallback, useEffect, useRef } from 'react';
import { ApiError } from '@/components/data/api';
import { hostPort } from '@/lib/net';
import { Dialog } from '@/components/ui/Dialog';
import { formatClock } from '@/components/ui/format';
import { RichText } from '@/components/ui/RichText';
import { Spinner } from '@/components/ui/Spinner';
import {
  checkedFirst,
  forceExplained,
  forceLabel,
  processLabel,
  progressSentence,
  stillRunningSentence,
  stoppedSentence,
  whatWillHappen,
} from './stop-wording';
import { DANGER_BUTTON, QUIET_BUTTON } from './stop-styles';
import { outcomeId, type StopState, type StopSubject } from './stop-state';

export interface StopDialogProps {
  stop: StopState & {
    confirm(): void;
    force(): void;
    closeDialog(): void;
  };
}

/** The error's own sentence: the server explains every refusal (protected, another user's, pid reused…). */
export function refusalMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof Error) return error.message;
  return String(error);
}

/** "127.0.0.1:3000 and [::1]:3000, TCP": the listed sockets, grouped by protocol, addresses in mono. */
function ListeningOn({ sockets }: { sockets: StopSubject['sockets'] }) {
  const protocols = [...new Set(sockets.map((s) => s.protocol))];
  return protocols.map((p, i) => {
    const where = [
      ...new Set(sockets.filter((s) => s.protocol === p).map((s) => hostPort(s.address, s.port))),
    ];
    return (
      <span key={p}>
        {i > 0 ? '; ' : ''}
        {where.map((w, j) => (
          <span key={w}>
            {j === 0 ? '' : j === where.length - 1 ? ' and ' : ', '}
            <span className="font-mono">{w}</span>
          </span>
        ))}
        , {p.toUpperCase()}
      </span>
    );
  });
}

/**
 * "Stop this process?": who it is (name, pid, user, port, the full command line), exactly what will happen,
 * then the progress and the answer — and, if it outlives the polite request, a second, explicit choice to
 * force it.
 */
export function StopProcessDialog({ stop }: StopDialogProps) {
  const { subject, phase, result, error, platform, dialogOpen } = stop;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  // Each new phase replaces the buttons: move focus to the sentence that explains it (read out, nothing
  // pressed by accident). The first phase starts on Cancel, the safe choice.
  useEffect(() => {
    if (dialogOpen && phase !== 'confirm') messageRef.current?.focus();
  }, [phase, dialogOpen]);

  const place = subject?.place;
  const finalFocus = useCallback(() => (place ? document.getElementById(outcomeId(place)) : null), [place]);

  if (!subject) return null;
  const { action: a, sockets } = subject;
  const who = processLabel(a);
  const uid = sockets.find((s) => s.uid !== null)?.uid ?? null;
  const pending = phase === 'stopping' || phase === 'forcing';

  const title =
    phase === 'confirm'
      ? `Stop ${who}?`
      : pending
        ? `Stopping ${who}`
        : phase === 'stopped'
          ? `${who} stopped`
          : phase === 'refused'
            ? `${who} was not stopped`
            : `${who} is still running`;

  return (
    <Dialog
      open={dialogOpen}
      onClose={stop.closeDialog}
      title={title}
      initialFocus={cancelRef}
      finalFocus={finalFocus}
      preferFinalFocus={phase === 'stopped'}
    >
      {phase === 'confirm' ? (
        <p className="text-[15px]">
          It holds port {a.port}, the port you want for your service. Stop it only if it is an old copy of
          your service or something else you no longer need.
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Process</dt>
        <dd className="font-semibold">{a.process ?? 'unknown'}</dd>
        <dt className="text-slate-600 dark:text-slate-400">pid</dt>
        <dd>{a.pid}</dd>
        <dt className="text-slate-600 dark:text-slate-400">User</dt>
        <dd>{a.user ?? (uid !== null ? `uid ${uid}` : 'could not be read')}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Port</dt>
        <dd>
          {a.port}
          {sockets.length > 0 ? (
            <>
              {' '}
              <span className="text-slate-600 dark:text-slate-400">
                (listening on <ListeningOn sockets={sockets} />)
              </span>
            </>
          ) : null}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Running since</dt>
        <dd>{formatClock(a.startedAt)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Command line</dt>
        <dd className="min-w-0">
          {a.command ? (
            <pre className="whitespace-pre-wrap rounded-md bg-slate-100 px-2 py-1 font-mono text-[13px] [overflow-wrap:anywhere] dark:bg-slate-800">
              {a.command}
            </pre>
          ) : (
            <span className="text-slate-600 dark:text-slate-400">could not be read</span>
          )}
        </dd>
      </dl>

      {phase === 'confirm' ? (
        <>
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/30 dark:text-amber-50">
            <h3 className="font-semibold">What will happen</h3>
            <p className="mt-1 text-[15px]">{whatWillHappen(a.pid, platform)}</p>
            <p className="mt-1">{checkedFirst(a.pid, a.port)}</p>
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button ref={cancelRef} type="button" className={QUIET_BUTTON} onClick={stop.closeDialog}>
              Cancel
            </button>
            <button type="button" className={DANGER_BUTTON} onClick={stop.confirm}>
              Stop {who}
            </button>
          </div>
        </>
      ) : null}

      {pending ? (
        <>
          <p ref={messageRef} tabIndex={-1} role="status" className="flex items-center gap-2 font-medium">
            <Spinner /> {progressSentence(phase === 'forcing', platform, who)}
          </p>
          <div className="flex flex-wrap items-center justify-end gap-3">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Closing this does not cancel it; the answer also shows on the page.
            </p>
            <button type="button" className={QUIET_BUTTON} onClick={stop.closeDialog}>
              Close
            </button>
          </div>
        </>
      ) : null}

      {phase === 'still-running' ? (
        <>
          <p ref={messageRef} tabIndex={-1} role="status" className="font-medium">
            {stillRunningSentence(platform, who)}
          </p>
          <div className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50">
            <h3 className="font-semibold">If you force it</h3>
            <p className="mt-1 text-[15px]">{forceExplained(a.pid, platform)}</p>
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button type="button" className={QUIET_BUTTON} onClick={stop.closeDialog}>
              Keep it running
            </button>
            <button type="button" className={DANGER_BUTTON} onClick={stop.force}>
              {forceLabel(platform)}
            </button>
          </div>
        </>
      ) : null}

      {phase === 'stopped' || phase === 'stuck' || phase === 'refused' ? (
        <>
          <p
            ref={messageRef}
            tabIndex={-1}
            role={phase === 'refused' ? 'alert' : 'status'}
            className={
              phase === 'refused'
                ? 'rounded-lg border border-red-300 bg-red-50 p-3 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50'
                : 'font-medium'
            }
          >
            {phase === 'stopped' && result ? (
              stoppedSentence(result, platform, who)
            ) : phase === 'stuck' && result ? (
              result.message
            ) : (
              <RichText text={refusalMessage(error)} />
            )}
          </p>
          <div className="flex justify-end">
            <button type="button" className={QUIET_BUTTON} onClick={stop.closeDialog}>
              Close
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
