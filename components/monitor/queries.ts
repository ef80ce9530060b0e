import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { ApiError, getJson, postJson } from '@/components/data/api';
import type { HistoryEventView, SampleView, Unavailable, WatchView } from './types';

/** How often the watch list (state, uptime) refreshes: the default sampling interval. */
export const WATCHES_INTERVAL_MS = 5000;

/** Chart windows, and how often each refetches: a 24 h chart does not need a new point every 5 s. */
export const WINDOWS = [
  { id: '15m', label: '15 min', ms: 15 * 60_000, refetchMs: 5000 },
  { id: '1h', label: '1 h', ms: 60 * 60_000, refetchMs: 15_000 },
  { id: '24h', label: '24 h', ms: 24 * 60 * 60_000, refetchMs: 60_000 },
] as const;
export type WindowId = (typeof WINDOWS)[number]['id'];

export function watchesQuery() {
  return queryOptions({
    queryKey: ['watches'] as const,
    queryFn: async ({ signal }) => {
      const body = await getJson<{ watches?: WatchView[]; unavailable?: Unavailable }>(
        '/api/watches',
        signal,
      );
      // A body without the list (an older server) is no watches, never a broken Monitor.
      return { watches: Array.isArray(body.watches) ? body.watches : [], unavailable: body.unavailable };
    },
    refetchInterval: WATCHES_INTERVAL_MS,
  });
}

export function samplesQuery(watchId: string, windowId: WindowId) {
  const w = WINDOWS.find((x) => x.id === windowId)!;
  return queryOptions({
    queryKey: ['watches', watchId, 'samples', windowId] as const,
    queryFn: async ({ signal }) => {
      const since = new Date(Date.now() - w.ms).toISOString();
      const body = await getJson<{ samples?: SampleView[] }>(
        `/api/watches/${watchId}/samples?since=${encodeURIComponent(since)}`,
        signal,
      );
      return { samples: Array.isArray(body.samples) ? body.samples : [] };
    },
    refetchInterval: w.refetchMs,
  });
}

/** The port's recorded listener events; an app without the history route yet reads as no events. */
export function historyQuery(port: number) {
  return queryOptions({
    queryKey: ['history', port] as const,
    queryFn: async ({ signal }) => {
      try {
        const body = await getJson<{ events?: HistoryEventView[]; unavailable?: Unavailable }>(
          `/api/history?port=${port}`,
          signal,
        );
        return { port, events: Array.isArray(body.events) ? body.events : [], unavailable: body.unavailable };
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return { port, events: [] as HistoryEventView[] };
        throw err;
      }
    },
    // Listener changes are rare next to samples; a closed/opened line arrives within half a minute.
    refetchInterval: 30_000,
  });
}

export function createWatchMutation() {
  return mutationOptions({
    mutationKey: ['watches', 'create'] as const,
    mutationFn: (body: { target: string; intervalSeconds?: number }) =>
      postJson<{ watch: WatchView }>('/api/watches', body),
    onSettled: (_d, _e, _v, _r, { client }) => void client.invalidateQueries({ queryKey: ['watches'] }),
  });
}

export function deleteWatchMutation() {
  return mutationOptions({
    mutationKey: ['watches', 'delete'] as const,
    mutationFn: async (id: string) => {
      const res = await fetch(`/api/watches/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (res.status !== 204 && res.status !== 404) {
        const body = (await res.json().catch(() => null)) as {
          error?: { code: string; message: string };
        } | null;
        throw new ApiError(
          res.status,
          body?.error?.code ?? `http-${res.status}`,
          body?.error?.message ?? res.statusText,
        );
      }
    },
    onSettled: (_d, _e, _v, _r, { client }) => void client.invalidateQueries({ queryKey: ['watches'] }),
  });
}
