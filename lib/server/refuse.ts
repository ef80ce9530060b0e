import type { ServerResponse } from 'node:http';
import { STATIC_SECURITY_HEADERS } from '@/lib/security/headers';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A refusal the custom server gives before Next runs, with the headers proxy.ts puts on every answer. JSON
 * `{error:{code,message}}` for /api (and anything whose path cannot be read); a small page for the rest, so
 * a person who opened the URL reads the sentence.
 */
export function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  options: { api: boolean; head?: boolean; headers?: Record<string, string> },
): void {
  const body = options.api
    ? JSON.stringify({ error: { code, message } })
    : `<!doctype html><meta charset="utf-8"><title>Localhost Doctor: ${status}</title><h1>${status}</h1><p>${escapeHtml(message)}</p><p><code>${escapeHtml(code)}</code></p>\n`;
  const headers: Record<string, string | number> = {
    ...STATIC_SECURITY_HEADERS,
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Cache-Control': 'no-store',
    'Content-Type': options.api ? 'application/json' : 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...options.headers,
  };
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, headers);
  res.end(options.head ? undefined : body);
}
