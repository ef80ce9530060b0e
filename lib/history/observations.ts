import type Database from 'better-sqlite3';
import { toIso } from '@/lib/store/times';

/** Which pids held a target when it was last diagnosed: what `restarted` compares with. */
export interface TargetObservation {
  at: string;
  pids: number[];
}

export function readTargetObservation(db: Database.Database, target: string): TargetObservation | null {
  const row = db.prepare('SELECT at, pids FROM target_observations WHERE target = ?').get(target) as
    { at: number; pids: string } | undefined;
  if (!row) return null;
  const pids = JSON.parse(row.pids) as unknown;
  return {
    at: toIso(row.at),
    pids: Array.isArray(pids) ? pids.filter((p): p is number => Number.isInteger(p)) : [],
  };
}

export function writeTargetObservation(
  db: Database.Database,
  target: string,
  observation: { at: number; pids: readonly number[] },
): void {
  db.prepare('INSERT OR REPLACE INTO target_observations (target, at, pids) VALUES (?, ?, ?)').run(
    target,
    observation.at,
    JSON.stringify([...new Set(observation.pids)].sort((a, b) => a - b)),
  );
}
