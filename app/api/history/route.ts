import { getRoute, jsonResponse } from '@/lib/api/respond';
import { historyQuery } from '@/lib/history/schema';
import { portEvents } from '@/lib/history/query';
import { getStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/** A port's recorded listener events, newest first; a paused store answers 200 with why, never a 5xx. */
export const GET = getRoute(historyQuery, async ({ port, since, limit }) => {
  const result = portEvents(getStore(), { port, since, limit });
  if (result.ok) return jsonResponse({ port, events: result.events });
  const { reason, since: pausedSince, retryAt } = result.unavailable;
  return jsonResponse({ port, events: [], unavailable: { reason, since: pausedSince, retryAt } });
});
