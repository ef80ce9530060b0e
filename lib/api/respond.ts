import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { guardRequest } from '@/lib/security/request-guard';

export function errorResponse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export function jsonResponse(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/** Query parameters as a plain object (last value wins), for zod. */
function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

type Handler<T> = (input: T, request: Request) => Promise<NextResponse>;

/**
 * Every GET route: the shared request guard, zod validation of the query (400 with a sentence on failure),
 * and a last-resort 500-free answer if the handler throws.
 */
export function getRoute<S extends z.ZodType>(schema: S, handler: Handler<z.infer<S>>) {
  return async (request: Request): Promise<NextResponse> => {
    const refusal = guardRequest(request);
    if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message);
    const parsed = schema.safeParse(queryObject(request.url));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      return errorResponse(400, 'invalid-input', `${where}${issue?.message ?? 'invalid input'}`);
    }
    try {
      return await handler(parsed.data, request);
    } catch (err) {
      // A failure reading the host is a fact about the host, not a server error: say what failed.
      const message = err instanceof Error ? err.message : String(err);
      return errorResponse(503, 'host-read-failed', `Could not read this machine's state: ${message}`);
    }
  };
}
