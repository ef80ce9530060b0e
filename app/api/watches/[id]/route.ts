import { NextResponse } from 'next/server';
import { deleteRoute, errorResponse, storeUnavailableResponse } from '@/lib/api/respond';
import { deleteWatch, getStore } from '@/lib/store';
import { watchScheduler } from '@/lib/watch';
import { watchIdInput } from '@/lib/watch/schemas';

export const dynamic = 'force-dynamic';

/** Stops the watch at once and deletes it with its samples: 204, or 404 for an id no watch has. */
export const DELETE = deleteRoute(watchIdInput, async ({ id }) => {
  watchScheduler().remove(id);
  const deleted = getStore().write((db) => deleteWatch(db, id));
  if (!deleted.ok) return storeUnavailableResponse(deleted.reason);
  if (!deleted.value) return errorResponse(404, 'watch-not-found', `No watch has the id ${id}.`);
  return new NextResponse(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
