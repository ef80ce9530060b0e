import { errorResponse, getRoute, jsonResponse } from '@/lib/api/respond';
import { getStore, getWatch, watchSamples } from '@/lib/store';
import { MAX_SAMPLES, samplesQuery } from '@/lib/watch/schemas';

export const dynamic = 'force-dynamic';

/** A watch's samples, newest first, optionally since a time (inclusive); 404 for an unknown id. */
export const GET = getRoute(samplesQuery, async ({ id, since, limit }) => {
  const store = getStore();
  const read = store.read((db) =>
    getWatch(db, id) ? watchSamples(db, { watchId: id, since, limit: limit ?? MAX_SAMPLES }) : null,
  );
  if (!read.ok)
    return jsonResponse({ samples: [], unavailable: store.unavailable() ?? { reason: read.reason } });
  if (read.value === null) return errorResponse(404, 'watch-not-found', `No watch has the id ${id}.`);
  return jsonResponse({
    samples: read.value.map(({ at, up, connectMs, ttfbMs, status, connections, error }) => ({
      at,
      up,
      connectMs,
      ttfbMs,
      status,
      connections: connections ?? null,
      error: error ?? null,
    })),
  });
});
