'use client';

import { useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { FactsBlock } from '@/components/wizard/StepSection';
import type { Target } from '@/lib/target';
import { canonicalWatchTarget } from '@/lib/watch/target';
import { historyQuery, samplesQuery, watchesQuery, WINDOWS, type WindowId } from './queries';
import { Timeline } from './Timeline';
import { timelineOf } from './timeline';
import { useFlipAlerts } from './use-flip-alerts';
import { WatchControls } from './WatchControls';

// uPlot is ~50 KB: its chunk loads when the chart mounts, never with the page's first JavaScript.
const SamplesChart = dynamic(() => import('./SamplesChart'), {
  ssr: false,
  loading: () => <p className="text-sm">Loading the chart…</p>,
});

/** The Monitor step over time: the watch of this address, its chart, and the port's timeline. */
export function MonitorOverTime({ target }: { target: Target }) {
  const watchTarget = canonicalWatchTarget(target);
  const [windowId, setWindowId] = useState<WindowId>('15m');
  const [notify, setNotify] = useState(false);
  const watches = useQuery(watchesQuery());
  const watch = watches.data?.watches.find((w) => w.target === watchTarget);
  const samples = useQuery({ ...samplesQuery(watch?.id ?? '', windowId), enabled: Boolean(watch) });
  const history = useQuery(historyQuery(target.port));
  useFlipAlerts(watch, notify);
  const span = WINDOWS.find((w) => w.id === windowId)!;
  const sampleList = useMemo(() => (watch ? (samples.data?.samples ?? []) : []), [watch, samples.data]);
  const entries = useMemo(
    () => timelineOf(history.data?.events ?? [], sampleList),
    [history.data, sampleList],
  );
  const paused = watches.data?.unavailable ?? history.data?.unavailable;
  return (
    <>
      <FactsBlock title="Watch">
        <WatchControls target={watchTarget} watch={watch} notify={notify} onNotify={setNotify} />
        {paused ? (
          <p className="text-sm text-amber-900 dark:text-amber-200">
            History is paused ({paused.reason}): nothing new is recorded until the store under DATA_DIR works
            again.
          </p>
        ) : null}
        {watches.error ? <ErrorNotice title="The watches could not be read" error={watches.error} /> : null}
      </FactsBlock>
      {watch ? (
        <FactsBlock title={`Over the last ${span.label}`}>
          <div role="group" aria-label="Chart window" className="flex gap-2 text-sm">
            {WINDOWS.map((w) => (
              <button
                key={w.id}
                type="button"
                aria-pressed={w.id === windowId}
                onClick={() => setWindowId(w.id)}
                className={`rounded-md border px-2 py-0.5 ${w.id === windowId ? 'border-slate-800 bg-slate-800 text-white dark:border-slate-200 dark:bg-slate-200 dark:text-slate-900' : 'border-slate-400'}`}
              >
                {w.label}
              </button>
            ))}
          </div>
          <SamplesChart samples={sampleList} windowMs={span.ms} />
        </FactsBlock>
      ) : null}
      <FactsBlock title={`Timeline of port ${target.port}`}>
        <Timeline entries={entries} />
        {history.error ? (
          <ErrorNotice title="The port's history could not be read" error={history.error} />
        ) : null}
      </FactsBlock>
    </>
  );
}
