// Stand-in for branch `hist`'s route (same contract) so the Monitor's timeline has data on this branch; on
// merge, take hist's version of this file.
import { z } from 'zod';
import { getRoute, jsonResponse } from '@/lib/api/respond';
import { portParam } from '@/lib/api/schemas';
import { getStore, listenerEvents } from '@/lib/store';

export const dynamic = 'force-dynamic';

const historyQuery = z.object({ port: portParam });

export const GET = getRoute(historyQuery, async ({ port }) => {
  const store = getStore();
  const read = store.read((db) =>
    listenerEvents(db, { port }).map((e) => ({
      at: e.at,
      kind: e.kind,
      protocol: e.protocol,
      address: e.address,
      port: e.port,
      family: e.family,
      pid: e.pid,
      process: e.process,
      command: e.command,
      cwd: e.cwd,
      user: e.user,
      startedAt: e.startedAt,
    })),
  );
  if (!read.ok) return jsonResponse({ port, events: [], unavailable: store.unavailable() });
  return jsonResponse({ port, events: read.value });
});
