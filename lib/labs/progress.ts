import 'server-only';
import { getStore, labRuns, type LabRun } from '@/lib/store';

export interface LabProgress {
  attempts: number;
  solved: boolean;
  /** Fastest start-to-solved time of any run, in seconds; null until one is solved. */
  bestSeconds: number | null;
  runs: number;
}

const EMPTY: LabProgress = { attempts: 0, solved: false, bestSeconds: null, runs: 0 };

export function secondsToSolve(run: LabRun): number | null {
  if (!run.solvedAt) return null;
  return Math.round((Date.parse(run.solvedAt) - Date.parse(run.startedAt)) / 1000);
}

/** Progress per lab id from the runs the store holds; `unsaved` when the store cannot be read now. */
export function readProgress(): { byLab: Map<string, LabProgress>; runs: LabRun[]; unsaved: string | null } {
  const read = getStore().read((db) => labRuns(db));
  const runs = read.ok ? read.value : [];
  const byLab = new Map<string, LabProgress>();
  for (const run of runs) {
    const p = byLab.get(run.labId) ?? { ...EMPTY };
    const seconds = secondsToSolve(run);
    byLab.set(run.labId, {
      attempts: p.attempts + run.attempts,
      solved: p.solved || run.solvedAt !== null,
      bestSeconds: seconds === null ? p.bestSeconds : Math.min(seconds, p.bestSeconds ?? Infinity),
      runs: p.runs + 1,
    });
  }
  return { byLab, runs, unsaved: read.ok ? null : read.reason };
}

export function progressFor(byLab: Map<string, LabProgress>, labId: string): LabProgress {
  return byLab.get(labId) ?? EMPTY;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed, and quotes are doubled.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One row per run, for a teacher's spreadsheet. */
export function progressCsv(runs: LabRun[]): string {
  const header = ['lab_id', 'run_id', 'started_at', 'attempts', 'solved_at', 'seconds_to_solve'];
  const rows = runs.map((r) =>
    [r.labId, r.runId, r.startedAt, r.attempts, r.solvedAt, secondsToSolve(r)].map(csvCell).join(','),
  );
  return [header.join(','), ...rows].join('\n') + '\n';
}
