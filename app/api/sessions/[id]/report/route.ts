import { NextResponse } from 'next/server';
import { errorResponse, getRoute, storeUnavailableResponse } from '@/lib/api/respond';
import { renderCase } from '@/lib/cases/export';
import { redactCase } from '@/lib/cases/redact';
import { reportQuery, sessionIdSchema } from '@/lib/cases/report-query';
import { loadSessionCase } from '@/lib/cases/session-case';
import { CASE_HTML_CSP } from '@/lib/cases/html';
import { getStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/**
 * A session as a case file to download: Markdown, JSON or one HTML file, redacted unless redact=false
 * (keep=id,id leaves chosen redactions out; hostname=1 replaces the host name too).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return getRoute(reportQuery, async (query) => {
    const sessionId = sessionIdSchema.safeParse(id);
    if (!sessionId.success)
      return errorResponse(400, 'invalid-input', `id: ${sessionId.error.issues[0]!.message}`);
    const loaded = loadSessionCase(getStore(), sessionId.data);
    if (loaded.status === 'unavailable') return storeUnavailableResponse(loaded.reason);
    if (loaded.status === 'not-found')
      return errorResponse(404, 'session-not-found', `There is no session ${sessionId.data}.`);
    const caseFile = query.redact
      ? redactCase(loaded.caseFile, { keep: query.keep, hostname: query.hostname }).caseFile
      : loaded.caseFile;
    const { body, contentType, fileName } = renderCase(caseFile, query.format);
    return new NextResponse(body, {
      status: 200,
      headers: {
        'Content-Type': contentType,
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
        // The HTML file is for opening from disk; served from here it still runs nothing and fetches nothing.
        ...(query.format === 'html' ? { 'Content-Security-Policy': CASE_HTML_CSP } : {}),
      },
    });
  })(request);
}
