/**
 * Query options for everything the browser fetches. Every query about one target lives under
 * ['target', <input>, …], so one target never shares a cache entry with another and can be invalidated whole.
 */
import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import type { ListenerTable, PortConnections } from '@/lib/host/listeners/types';
import type { StopResult } from '@/lib/host/actions/stop-process';
import type { z } from 'zod';
import type { FreePortAnswer } from '@/lib/api/free-port';
import type { stopProcessInput } from '@/lib/api/schemas';
import { getJson, postJson } from './api';

/**
 * How often the live view (listeners + connections on the port) refreshes: a service that starts or stops
 * shows within two seconds, while one poll (two cheap reads of the port) stays far below a diagnosis' cost.
 */
export const LIVE_INTERVAL_MS = 1500;
/**
 * Once something listens on the port, the live view only has to notice it stop or change owner (the recorder
 * and a watch keep the exact times): a slower poll keeps an open Monitor page within its CPU budget.
 */
export const SETTLED_INTERVAL_MS = 4000;

/** The live view's poll: fast while waiting for a service to start, slower once something listens. */
export function liveIntervalFor(snapshot: LiveSnapshot | undefined): number {
  return snapshot && snapshot.listeners.listeners.length > 0 ? SETTLED_INTERVAL_MS : LIVE_INTERVAL_MS;
}
/** The home page's "listening right now" list: a glance, not a monitor. */
export const LISTENERS_INTERVAL_MS = 4000;

export interface LiveSnapshot {
  listeners: ListenerTable;
  connections: PortConnections;
  /** When the browser received it (ms since epoch), for the change log. */
  at: number;
}

export const targetKey = (input: string) => ['target', input] as const;

export function diagnosisQuery(input: string, intent: Intent) {
  const params = new URLSearchParams({ target: input });
  if (intent === 'start') params.set('intent', 'start');
  return queryOptions({
    queryKey: [...targetKey(input), 'diagnosis', intent] as const,
    queryFn: ({ signal }) => getJson<Diagnosis>(`/api/diagnose?${params}`, signal),
    // A diagnosis probes the user's server (a TCP connect and an HTTP request). It is not polled: the live
    // query below watches the port cheaply and asks for a new diagnosis when what listens there changes.
    staleTime: 5_000,
  });
}

export function liveQuery(input: string, port: number, paused: boolean) {
  return queryOptions({
    queryKey: [...targetKey(input), 'live', port] as const,
    queryFn: async ({ signal }): Promise<LiveSnapshot> => {
      const [listeners, connections] = await Promise.all([
        getJson<ListenerTable>(`/api/listeners?port=${port}`, signal),
        getJson<PortConnections>(`/api/connections?port=${port}`, signal),
      ]);
      return { listeners, connections, at: Date.now() };
    },
    refetchInterval: (query) => (paused ? false : liveIntervalFor(query.state.data)),
    staleTime: 0,
  });
}

export function allListenersQuery() {
  return queryOptions({
    queryKey: ['listeners'] as const,
    queryFn: ({ signal }) => getJson<ListenerTable>('/api/listeners', signal),
    refetchInterval: LISTENERS_INTERVAL_MS,
  });
}

/** GET /api/ports/free: the nearest port free on both loopback addresses, proven by binding it. */
export type { FreePortAnswer };

export function freePortQuery(input: string, near: number) {
  return queryOptions({
    queryKey: [...targetKey(input), 'free-port', near] as const,
    queryFn: ({ signal }) => getJson<FreePortAnswer>(`/api/ports/free?near=${near}`, signal),
    // Free "right now": worth re-asking after a while, not worth polling.
    staleTime: 30_000,
  });
}

export type { StopResult };

/**
 * What the stop route validates, as it validates it. The UI only ever sends the start time of the engine's
 * action the user confirmed, never a null one (the server would refuse it).
 */
export type StopVariables = z.output<typeof stopProcessInput> & { startedAt: string };

/**
 * POST /api/processes/{pid}/stop. Never retried: a stop is an action, and the server decides every time
 * whether it is allowed. Whatever the answer, the target's queries are refreshed so the page shows what
 * holds the port now (the waiting/green logic takes it from there).
 */
export function stopProcessMutation(input: string) {
  return mutationOptions({
    mutationKey: [...targetKey(input), 'stop'] as const,
    mutationFn: ({ pid, port, startedAt, force }: StopVariables) =>
      postJson<StopResult>(`/api/processes/${pid}/stop`, {
        port,
        startedAt,
        ...(force ? { force: true } : {}),
      }),
    retry: false,
    // Not awaited: the answer shows at once, and the page catches up as the fresh diagnosis arrives.
    onSettled: (_data, _error, _vars, _result, { client }) => {
      void client.invalidateQueries({ queryKey: targetKey(input) });
    },
  });
}
