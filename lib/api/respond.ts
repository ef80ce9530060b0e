import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { guardRequest } from '@/lib/security/request-guard';
import { admit, clientKey } from '@/lib/security/rate-limit';

export function errorResponse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

export function jsonResponse(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
}

/** Query parameters as a plain object (last value wins), for zod. */
function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

type Handler<T> = (input: T, request: Request) => Promise<NextResponse>;

export interface RouteOptions {
  /** The route opens connections (diagnose, probe): it also takes one of the capped probe slots. */
  probing?: boolean;
}

/**
 * Every GET route: the shared request guard, the rate limit (429 with Retry-After), zod validation of the
 * query (400 with a sentence on failure), and no 500 if the handler throws.
 */
export function getRoute<S extends z.ZodType>(
  schema: S,
  handler: Handler<z.infer<S>>,
  options: RouteOptions = {},
) {
  return async (request: Request): Promise<NextResponse> => {
    const refusal = guardRequest(request);
    if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message);
    const admission = admit(clientKey(request.headers), Boolean(options.probing));
    if (!admission.ok) {
      const res = errorResponse(
        429,
        'rate-limited',
        `Slow down: ${admission.reason}. Try again in ${admission.retryAfterSeconds} s.`,
      );
      res.headers.set('Retry-After', String(admission.retryAfterSeconds));
      return res;
    }
    try {
      return await validated(schema, handler, request);
    } finally {
      admission.release();
    }
  };
}

async function validated<S extends z.ZodType>(
  schema: S,
  handler: Handler<z.infer<S>>,
  request: Request,
): Promise<NextResponse> {
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
}
