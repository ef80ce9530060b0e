import { errorResponse, jsonResponse, postRoute } from '@/lib/api/respond';
import { diagnose } from '@/lib/diagnosis';
import { diagnosisInput } from '@/lib/sessions/schemas';
import { appendEntry, findSession, readOnlyRefusal } from '@/lib/sessions/store-access';

export const dynamic = 'force-dynamic';

/** Diagnoses the session's own target (never one from the body) and appends it to the timeline. */
export const POST = postRoute<typeof diagnosisInput, { id: string }>(
  diagnosisInput,
  async ({ id, intent = 'reach' }) => {
    const found = findSession(id);
    if (!found.ok) return found.response;
    // Refused before anything is probed: an imported session is another machine's record.
    if (found.value.readOnly) return readOnlyRefusal();
    const result = await diagnose(found.value.target, { intent });
    if (!result.ok) return errorResponse(result.status, result.error.code, result.error.message);
    const r = appendEntry(id, 'diagnosis', { intent, diagnosis: result.diagnosis });
    return r.ok ? jsonResponse({ entry: r.value }, 201) : r.response;
  },
  { probing: true },
);
