import 'server-only';
import { randomUUID } from 'node:crypto';
import { getStore, startLabRun } from '@/lib/store';
import { createKit, releaseResources, type RunResources } from './kit';
import { labRegistry } from './registry';
import { labById } from './catalogue';
import { rootLabsAvailable } from './root-labs';
import type { Lab, LabSituation } from './types';

/** A lab run while it exists: in memory only (its progress row is in the store). */
export interface ActiveRun {
  id: string;
  lab: Lab;
  startedAt: string;
  situation: LabSituation;
  resources: RunResources;
  /** Wrong answers and failed checks so far: each one reveals the next hint. */
  misses: number;
  /** Why progress is not being saved (the store is paused), or null while it is. */
  unsaved: string | null;
}

export type LabFailure = { ok: false; status: 403 | 404 | 409; code: string; message: string };

/** More at once would be a classroom's worth of servers on one laptop; stop one to start another. */
export const MAX_CONCURRENT_RUNS = 4;

const registry = labRegistry<ActiveRun>();

export function activeRun(runId: string): ActiveRun | null {
  return registry.runs.get(runId) ?? null;
}

export function unknownRun(runId: string): LabFailure {
  return { ok: false, status: 404, code: 'unknown-run', message: `No lab run ${runId} is running.` };
}

async function setUp(
  lab: Lab,
  key: string,
): Promise<{ situation: LabSituation; resources: RunResources } | LabFailure> {
  const { kit, resources } = createKit();
  registry.settingUp.set(key, resources);
  try {
    return { situation: await lab.setup(kit), resources };
  } catch (err) {
    // Whatever the setup got to start before it failed is still the run's, and ends here.
    await releaseResources(resources);
    const why = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      status: 409,
      code: 'lab-setup-failed',
      message: `The lab could not be set up: ${why}`,
    };
  }
}

export async function startRun(labId: string): Promise<{ ok: true; run: ActiveRun } | LabFailure> {
  const lab = labById(labId);
  if (!lab) return { ok: false, status: 404, code: 'unknown-lab', message: `There is no lab "${labId}".` };
  if (lab.needsRoot && !(await rootLabsAvailable()))
    return {
      ok: false,
      status: 403,
      code: 'needs-root',
      message: `"${lab.title}" runs in a network namespace of its own: start the doctor as root (with ip netns and nft) to use it.`,
    };
  if (registry.runs.size + registry.busy.size >= MAX_CONCURRENT_RUNS)
    return {
      ok: false,
      status: 409,
      code: 'too-many-labs',
      message: `${MAX_CONCURRENT_RUNS} labs are running already: stop one before starting another.`,
    };
  // The cap counts this run from now; its progress row is written only once the situation exists.
  const pending = randomUUID();
  registry.busy.add(pending);
  try {
    const set = await setUp(lab, pending);
    if ('ok' in set) return set;
    const saved = getStore().write((db) => startLabRun(db, { labId: lab.id }));
    const run: ActiveRun = {
      id: saved.ok ? saved.value.runId : randomUUID(),
      lab,
      startedAt: saved.ok ? saved.value.startedAt : new Date().toISOString(),
      ...set,
      misses: 0,
      unsaved: saved.ok ? null : saved.reason,
    };
    registry.runs.set(run.id, run);
    return { ok: true, run };
  } finally {
    registry.busy.delete(pending);
  }
}

/** Ends every process and the namespace the run created; resolves once they are gone. */
export async function stopRun(runId: string): Promise<boolean> {
  const run = registry.runs.get(runId);
  if (!run) return false;
  registry.runs.delete(runId);
  registry.busy.add(runId);
  try {
    await releaseResources(run.resources);
  } finally {
    registry.busy.delete(runId);
  }
  return true;
}

/** The same lab from scratch under the same run (its progress row keeps counting): stop, then set up again. */
export async function resetRun(runId: string): Promise<{ ok: true; run: ActiveRun } | LabFailure> {
  const run = registry.runs.get(runId);
  if (!run) return unknownRun(runId);
  registry.runs.delete(runId);
  registry.busy.add(runId);
  try {
    await releaseResources(run.resources);
    const set = await setUp(run.lab, runId);
    if ('ok' in set) return set;
    const fresh: ActiveRun = { ...run, ...set, misses: 0 };
    registry.runs.set(runId, fresh);
    return { ok: true, run: fresh };
  } finally {
    registry.busy.delete(runId);
  }
}
