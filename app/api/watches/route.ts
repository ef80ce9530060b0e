import { z } from 'zod';
import { prepareTarget } from '@/lib/diagnosis';
import {
  errorResponse,
  getRoute,
  jsonResponse,
  postRoute,
  storeUnavailableResponse,
} from '@/lib/api/respond';
import { createWatch, findWatchByTarget, getStore, listWatches, watchStatus } from '@/lib/store';
import { canonicalWatchTarget, watchScheduler } from '@/lib/watch';
import { createWatchInput, DEFAULT_INTERVAL_SECONDS, UPTIME_WINDOW_MS } from '@/lib/watch/schemas';

export const dynamic = 'force-dynamic';

/** Every watch with where it stands: up/down/unknown since when, its latest sample, uptime over 24 h. */
export const GET = getRoute(z.object({}), async () => {
  watchScheduler();
  const store = getStore();
  const uptimeSince = new Date(Date.now() - UPTIME_WINDOW_MS).toISOString();
  const read = store.read((db) =>
    listWatches(db).map((w) => ({ ...w, ...watchStatus(db, { watchId: w.id, uptimeSince }) })),
  );
  if (!read.ok)
    return jsonResponse({ watches: [], unavailable: store.unavailable() ?? { reason: read.reason } });
  return jsonResponse({ watches: read.value, uptimeWindowHours: UPTIME_WINDOW_MS / 3_600_000 });
});

/**
 * Starts watching a target, checked as /api/diagnose checks it (400 unreadable, 403 outside the policy).
 * The same target twice is one watch: the second POST answers 200 with the existing one, not a duplicate.
 */
export const POST = postRoute(createWatchInput, async ({ target: input, intervalSeconds }) => {
  const prepared = await prepareTarget(input);
  if (!prepared.ok) return errorResponse(prepared.status, prepared.error.code, prepared.error.message);
  const target = canonicalWatchTarget(prepared.target);
  const written = getStore().write((db) => {
    const existing = findWatchByTarget(db, target);
    if (existing) return { watch: existing, created: false };
    return {
      watch: createWatch(db, { target, intervalSeconds: intervalSeconds ?? DEFAULT_INTERVAL_SECONDS }),
      created: true,
    };
  });
  if (!written.ok) return storeUnavailableResponse(written.reason);
  watchScheduler().add(written.value.watch);
  return jsonResponse({ watch: written.value.watch }, written.value.created ? 201 : 200);
});
