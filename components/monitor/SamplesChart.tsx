'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartColumns, SERIES } from './chart-data';
import type { SampleView } from './types';

/**
 * Connect time, time to first byte (left axis, ms) and connections by state (right axis) over the window,
 * on a canvas. This module (and uPlot with it) is loaded only when the Monitor's chart mounts.
 */
export default function SamplesChart({
  samples,
  windowMs,
}: {
  samples: readonly SampleView[];
  windowMs: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height: 220,
      scales: { x: { time: true }, ms: { auto: true }, n: { auto: true } },
      series: [
        {},
        ...SERIES.map((s) => ({
          label: s.label,
          scale: s.scale,
          stroke: s.color,
          width: 1.5,
          spanGaps: false,
        })),
      ],
      axes: [
        {},
        { scale: 'ms', label: 'ms' },
        { scale: 'n', side: 1, label: 'connections', grid: { show: false } },
      ],
    };
    plot.current = new uPlot(opts, [[]], el);
    const resize = new ResizeObserver(() =>
      plot.current?.setSize({ width: Math.max(300, el.clientWidth), height: 220 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    const p = plot.current;
    if (!p) return;
    p.setData(chartColumns(samples) as uPlot.AlignedData, false);
    const now = Date.now() / 1000;
    p.setScale('x', { min: now - windowMs / 1000, max: now });
  }, [samples, windowMs]);

  return <div ref={box} data-testid="samples-chart" data-points={samples.length} className="w-full" />;
}
