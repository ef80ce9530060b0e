import { z } from 'zod';
import { getRoute, jsonResponse } from '@/lib/api/respond';
import { LABS, labListItem, readProgress, rootLabsAvailable } from '@/lib/labs';

export const dynamic = 'force-dynamic';

export const GET = getRoute(z.object({}), async () => {
  const { byLab, unsaved } = readProgress();
  const rootOk = await rootLabsAvailable();
  return jsonResponse({
    labs: LABS.map((lab) => labListItem(lab, byLab, rootOk)),
    ...(unsaved ? { progressUnavailable: unsaved } : {}),
  });
});
