import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { startRecording } from '@/lib/sessions/recorder';
import { startRecordingInput } from '@/lib/sessions/schemas';
import { appendEntry, findSession, readOnlyRefusal } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/**
 * Starts recording: a first snapshot, then the port's listeners and a probe every second, in this server
 * process, until stopped (or after 10 minutes, when the recording is appended on its own).
 */
export const POST = postRoute<typeof startRecordingInput, { id: string }>(
  startRecordingInput,
  async ({ id, intent = 'reach' }) => {
    const found = findSession(id);
    if (!found.ok) return found.response;
    if (found.value.readOnly) return readOnlyRefusal();
    const started = await startRecording(id, found.value.target, intent, (sessionId, payload) => {
      appendEntry(sessionId, 'recording', payload);
    });
    if (!started.ok) return errorResponse(started.status, started.code, started.message);
    const { recording } = started;
    return jsonResponse({ recording: { id: recording.id, startedAt: recording.startedAt } }, 201);
  },
  { probing: true },
);
