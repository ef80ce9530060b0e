import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { guardRequest } from '@/lib/security/request-guard';
import { admit, clientKey, configuredLimits } from '@/lib/security/rate-limit';

export function errorResponse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json(
    { error: { code, message } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

/**
 * A write the history store cannot take now (read-only or full disk, a damaged file being replaced): the
 * reason, as a 409 the page can show, because nothing about a paused store may surface as a 5xx.
 */
export function storeUnavailableResponse(reason: string): NextResponse {
  return errorResponse(
    409,
    'history-unavailable',
    `The history store under DATA_DIR is paused (${reason}); nothing was saved. It retries on its own.`,
  );
}

export function jsonResponse(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Query parameters as a plain object (last value wins), for zod. */
function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

type Handler<T> = (input: T, request: Request) => Promise<NextResponse>;

export interface RouteOptions {
  /** The route opens connections (diagnose, probe): it also takes one of the capped probe slots. */
  probing?: boolean;
  /** A write whose body is bigger than a few fields (a case file): its own cap, still read in chunks. */
  maxBodyBytes?: number;
}

/**
 * Every GET route: the shared request guard (an API call, so also no request another site's page made), the rate limit (429 with Retry-After), zod validation of the
 * query (400 with a sentence on failure), and no 500 if the handler throws.
 */
export function getRoute<S extends z.ZodType, P extends Record<string, string> = Record<string, string>>(
  schema: S,
  handler: Handler<z.infer<S>>,
  options: RouteOptions = {},
) {
  // Path parameters (when the route has any) win over query parameters of the same name.
  return (request: Request, context?: { params: Promise<P> }): Promise<NextResponse> =>
    guarded(request, options, async () =>
      validated(schema, handler, request, {
        ...queryObject(request.url),
        ...(context ? await context.params : {}),
      }),
    );
}

/** Largest body a write accepts: a few fields, so anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 16 * 1024;

/** The body as text, or null once it passes `maxBytes` (read in chunks, so a huge body is never buffered). */
async function cappedText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON object a write carries, or the response that refuses it. */
async function jsonBody(
  request: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Record<string, unknown> | NextResponse> {
  // JSON only: a cross-site <form> can send urlencoded or text/plain without a preflight, never JSON.
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    return errorResponse(
      415,
      'unsupported-media-type',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  let text: string | null;
  try {
    text = await cappedText(request, maxBytes);
  } catch {
    return errorResponse(
      400,
      'invalid-json',
      'The request body could not be read (the connection broke off).',
    );
  }
  if (text === null)
    return errorResponse(413, 'body-too-large', `The request body is larger than ${maxBytes} bytes.`);
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return errorResponse(400, 'invalid-json', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return errorResponse(400, 'invalid-json', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/**
 * Every write route: the same guard (which also demands this app's own Origin for writes) and rate limit,
 * a JSON body, and zod validation of the body merged with the path parameters. The path parameters win,
 * so a body can never point the action at another resource than the URL names.
 */
export function postRoute<S extends z.ZodType, P extends Record<string, string> = Record<string, string>>(
  schema: S,
  handler: Handler<z.infer<S>>,
  options: RouteOptions = {},
) {
  return (request: Request, context?: { params: Promise<P> }): Promise<NextResponse> =>
    guarded(request, options, async () => {
      const body = await jsonBody(request, options.maxBodyBytes);
      if (body instanceof NextResponse) return body;
      const params = context ? await context.params : {};
      return validated(schema, handler, request, { ...body, ...params });
    });
}

async function guarded(
  request: Request,
  options: RouteOptions,
  work: () => Promise<NextResponse>,
): Promise<NextResponse> {
  // The guard never throws, and nothing before the try below may: an exception here would be a bare 500.
  const refusal = guardRequest(request, { api: true });
  if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message);
  let admission: ReturnType<typeof admit>;
  try {
    admission = admit(clientKey(request.headers), Boolean(options.probing), configuredLimits());
  } catch {
    return errorResponse(400, 'bad-request', 'The request could not be read (malformed headers).');
  }
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
    return await work();
  } catch (err) {
    // validated() already turns a handler's failure into a 503; this only catches what slips past it.
    const message = err instanceof Error ? err.message : String(err);
    return errorResponse(400, 'bad-request', `The request could not be handled: ${message}`);
  } finally {
    admission.release();
  }
}

async function validated<S extends z.ZodType>(
  schema: S,
  handler: Handler<z.infer<S>>,
  request: Request,
  raw: unknown,
): Promise<NextResponse> {
  const parsed = schema.safeParse(raw);
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

/**
 * Every DELETE route: the same guard as a write (this app's Origin), rate limit, and zod validation of the
 * path parameters. No body is read: the URL names the resource.
 */
export function deleteRoute<S extends z.ZodType, P extends Record<string, string> = Record<string, string>>(
  schema: S,
  handler: Handler<z.infer<S>>,
) {
  return (request: Request, context?: { params: Promise<P> }): Promise<NextResponse> =>
    guarded(request, {}, async () => {
      const params = context ? await context.params : {};
      return validated(schema, handler, request, params);
    });
}
