import 'server-only';
import { choicesFor, type LabChoice } from './choices';
import { progressFor, type LabProgress } from './progress';
import type { ActiveRun } from './runs';
import type { Lab, LabFixStep } from './types';

export interface LabListItem {
  id: string;
  title: string;
  brief: string;
  teaches: string;
  needsRoot: boolean;
  /** Whether this app can run it now (needsRoot labs only as root with ip netns and nft). */
  available: boolean;
  progress: { attempts: number; solved: boolean; bestSeconds: number | null };
}

export function labListItem(lab: Lab, byLab: Map<string, LabProgress>, rootOk: boolean): LabListItem {
  const p = progressFor(byLab, lab.id);
  return {
    id: lab.id,
    title: lab.title,
    brief: lab.brief,
    teaches: lab.teaches,
    needsRoot: lab.needsRoot,
    available: !lab.needsRoot || rootOk,
    progress: { attempts: p.attempts, solved: p.solved, bestSeconds: p.bestSeconds },
  };
}

/** What POST …/start answers: the address to diagnose (and how: intent=start for a port conflict). */
export function runSummary(run: ActiveRun) {
  return {
    id: run.id,
    labId: run.lab.id,
    target: run.situation.target,
    intent: run.situation.intent,
    startedAt: run.startedAt,
    ...(run.unsaved ? { unsaved: run.unsaved } : {}),
  };
}

export interface RunDetail {
  run: ReturnType<typeof runSummary>;
  choices: LabChoice[];
  fix: LabFixStep[];
  /** The first hint; later ones come with wrong answers and failed checks. */
  firstHint: string;
  /** Every process the run started, by pid, and whether it still runs. */
  processes: { pid: number; role: string; running: boolean }[];
  namespace: string | null;
  /** The check also takes the address the learner now uses (a lab whose fix is another address). */
  asksForAddress: boolean;
  /** The run's own directory: the service's server.json, settings, lock and certificate live here. */
  directory: string;
}

export function runDetail(run: ActiveRun): RunDetail {
  return {
    run: runSummary(run),
    choices: choicesFor(run.lab),
    fix: run.situation.fix,
    firstHint: run.situation.hints[0] ?? '',
    processes: run.resources.processes.map((p) => ({
      pid: p.pid,
      role: p.role,
      running: p.exitCode() === undefined,
    })),
    namespace: run.resources.namespace,
    asksForAddress: run.situation.acceptsTarget !== undefined,
    directory: run.resources.dir,
  };
}
