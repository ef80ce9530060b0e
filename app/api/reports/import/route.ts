import { z } from 'zod';
import { errorResponse, jsonResponse, postRoute, storeUnavailableResponse } from '@/lib/api/respond';
import { importCaseFile } from '@/lib/cases/import';
import { readCaseFile } from '@/lib/cases/read';
import { getStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/** A case file is a session's whole timeline: far more than the few fields other writes carry. */
const MAX_CASE_FILE_BYTES = 5 * 1024 * 1024;

/** Opens a case file from another machine as a new read-only session; nothing is probed here. */
export const POST = postRoute(
  z.record(z.string(), z.unknown()),
  async (body) => {
    const read = readCaseFile(body);
    if (!read.ok) return errorResponse(400, 'invalid-case-file', read.message);
    const written = getStore().write((db) => importCaseFile(db, read.caseFile));
    if (!written.ok) return storeUnavailableResponse(written.reason);
    const s = written.value;
    return jsonResponse(
      {
        session: {
          id: s.id,
          target: s.target,
          createdAt: s.createdAt,
          readOnly: s.readOnly,
          importedFrom: s.importedFrom,
        },
      },
      201,
    );
  },
  { maxBodyBytes: MAX_CASE_FILE_BYTES },
);
