import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { stopRecording } from '@/lib/sessions/recorder';
import { stopRecordingInput } from '@/lib/sessions/schemas';
import { appendEntry } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/** Takes the second snapshot and appends the recording (events in between, both snapshots) to the session. */
export const POST = postRoute<typeof stopRecordingInput, { id: string; rid: string }>(
  stopRecordingInput,
  async ({ id, rid }) => {
    const stopped = await stopRecording(id, rid);
    if (!stopped.ok) return errorResponse(stopped.status, stopped.code, stopped.message);
    const r = appendEntry(id, 'recording', stopped.payload);
    return r.ok ? jsonResponse({ entry: r.value }, 201) : r.response;
  },
  { probing: true },
);
