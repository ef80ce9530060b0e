/**
 * The one way the browser talks to the API: same-origin requests that either return the typed body or throw an
 * ApiError carrying the API's own { error: { code, message } } so the UI can say it in a sentence.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds the server asked us to wait (429 Retry-After), when it said. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

function errorBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const e = (body as { error: unknown }).error;
  if (typeof e !== 'object' || e === null) return null;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>(url, { signal, cache: 'no-store', headers: { accept: 'application/json' } });
}

/**
 * A same-origin JSON write (the browser adds our Origin, which the API demands for writes). Resolves with
 * the body of any 2xx — a 202 is an answer too ("still running") — and throws an ApiError otherwise.
 */
export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(url, {
    method: 'POST',
    signal,
    cache: 'no-store',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function request<T>(url: string, init: RequestInit): Promise<T> {
  const { signal } = init;
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'unreachable', 'The Localhost Doctor server did not answer.');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorBody(body);
    const retry = Number(res.headers.get('retry-after'));
    throw new ApiError(
      res.status,
      e?.code ?? `http-${res.status}`,
      e?.message ?? `The server answered ${res.status} ${res.statusText}.`,
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
  }
  if (body === null)
    throw new ApiError(res.status, 'bad-response', 'The server answered with something that is not JSON.');
  // Same origin, same repository: the route handlers' types are the contract.
  return body as T;
}
