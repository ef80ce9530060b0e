import type { SampleView } from './types';

/** The connection states drawn as their own series; the rest are summed as "other". */
export const DRAWN_STATES = ['ESTABLISHED', 'TIME_WAIT', 'CLOSE_WAIT'] as const;

export const SERIES = [
  { label: 'connect (ms)', scale: 'ms', color: '#2563eb' },
  { label: 'first byte (ms)', scale: 'ms', color: '#9333ea' },
  ...DRAWN_STATES.map((s, i) => ({ label: s, scale: 'n', color: ['#059669', '#d97706', '#dc2626'][i]! })),
  { label: 'other states', scale: 'n', color: '#64748b' },
] as const;

/** uPlot's columns: seconds since the epoch, then one array per series (null where a sample has no value). */
export function chartColumns(samples: readonly SampleView[]): (number | null)[][] {
  const sorted = [...samples].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const cols: (number | null)[][] = [sorted.map((s) => Date.parse(s.at) / 1000)];
  cols.push(sorted.map((s) => s.connectMs));
  cols.push(sorted.map((s) => s.ttfbMs));
  for (const state of DRAWN_STATES)
    cols.push(sorted.map((s) => (s.connections ? (s.connections[state] ?? 0) : null)));
  cols.push(
    sorted.map((s) =>
      s.connections
        ? Object.entries(s.connections)
            .filter(([k]) => !(DRAWN_STATES as readonly string[]).includes(k))
            .reduce((n, [, v]) => n + v, 0)
        : null,
    ),
  );
  return cols;
}
