import { NextResponse } from 'next/server';
import { getRoute, jsonResponse } from '@/lib/api/respond';
import { progressCsv, readProgress } from '@/lib/labs';
import { progressQuery } from '@/lib/labs/schemas';
import { secondsToSolve } from '@/lib/labs/progress';

export const dynamic = 'force-dynamic';

/** Every run's progress, for a teacher: JSON, or CSV as a download. */
export const GET = getRoute(progressQuery, async ({ format }) => {
  const { runs, unsaved } = readProgress();
  if (format === 'csv')
    return new NextResponse(progressCsv(runs), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="lab-progress.csv"',
        'Cache-Control': 'no-store',
      },
    });
  return jsonResponse({
    runs: runs.map((r) => ({ ...r, secondsToSolve: secondsToSolve(r) })),
    ...(unsaved ? { progressUnavailable: unsaved } : {}),
  });
});
