import 'server-only';
import { killResourcesNow, releaseResources, type RunResources } from './kit';

interface Registry<R> {
  runs: Map<string, R>;
  /** Runs being set up or torn down: they count against the cap until their processes are gone. */
  busy: Set<string>;
  /** What a setup in progress has created so far, so that the app's exit ends it too. */
  settingUp: Map<string, RunResources>;
}

type Held = { resources: RunResources };

// On globalThis: the route handlers (Next's bundle) and the server's exit path (scripts/start.ts, loaded by
// tsx) are separate module instances in one process, and both must see the same runs.
const holder = globalThis as typeof globalThis & { __localhostDoctorLabRuns?: Registry<Held> };

export function labRegistry<R extends Held>(): Registry<R> {
  return (holder.__localhostDoctorLabRuns ??= {
    runs: new Map(),
    busy: new Set(),
    settingUp: new Map(),
  }) as Registry<R>;
}

/** The server's signal path: every run ends, its processes and namespaces with it; resolves when they have. */
export async function stopAllLabRuns(): Promise<void> {
  const registry = labRegistry();
  const owned = [...[...registry.runs.values()].map((r) => r.resources), ...registry.settingUp.values()];
  registry.runs.clear();
  registry.settingUp.clear();
  await Promise.all(owned.map((resources) => releaseResources(resources)));
}

/** The process' exit event, where nothing async can run: SIGKILL every lab process still running, by pid. */
export function killAllLabRunsNow(): void {
  const registry = labRegistry();
  for (const run of registry.runs.values()) killResourcesNow(run.resources);
  for (const resources of registry.settingUp.values()) killResourcesNow(resources);
}
