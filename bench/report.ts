// Prints the bench table: median and p90 per subject, and each median relative to the baseline's.
export type Samples = Record<string, number[]>;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Returns whether every goal (maximum ratio of median to the baseline's median) was met. */
export function printTable(
  samples: Samples,
  baseline: string,
  goals: Record<string, number>,
  runs: number,
): boolean {
  const base = quantile(samples[baseline] ?? [], 0.5);
  const width = Math.max(...Object.keys(samples).map((s) => s.length));
  console.log(
    `\n${'subject'.padEnd(width)}  median ms   p90 ms   ratio   goal   (${runs} runs each, interleaved)`,
  );
  let met = true;
  for (const [subject, values] of Object.entries(samples)) {
    const median = quantile(values, 0.5);
    const ratio = median / base;
    const goal = goals[subject];
    const verdict = goal === undefined ? '' : ratio <= goal ? `≤ ${goal} ok` : `≤ ${goal} MISSED`;
    if (goal !== undefined && ratio > goal) met = false;
    console.log(
      `${subject.padEnd(width)}  ${median.toFixed(2).padStart(9)}  ${quantile(values, 0.9).toFixed(2).padStart(7)}  ${ratio.toFixed(3).padStart(6)}   ${verdict}`,
    );
  }
  return met;
}
