import { defineCheck } from '@/lib/diagnosis/check';
import { everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import { application, targetUrl } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

/** The server is up and speaks HTTP, but answered 4xx (warning: wrong path or method) or 5xx (error: it failed). */
export const httpError = defineCheck({ 'http-error': 210 }, (facts) => {
  const app = application(facts);
  const http = app?.http;
  if (!app || !http || (app.kind !== 'http' && app.kind !== 'https') || http.status < 400) return [];
  const serverSide = http.status >= 500;
  const url = targetUrl(facts, app.kind === 'https' ? 'https' : 'http');
  const meaning = serverSide
    ? 'The server is running and reachable, but failed while handling the request: the cause is in its own log or terminal (an exception, a missing database, a bad config).'
    : http.status === 404
      ? `The server is running and reachable, but has nothing at ${facts.target.path}. Try another path (the app may live under /api, /docs or /index.html).`
      : 'The server is running and reachable, but refused this request (authentication, method or path).';
  return [
    {
      id: 'http-error',
      severity: serverSide ? 'error' : 'warning',
      step: 'open',
      title: `${facts.target.display} answers HTTP ${http.status} ${quoteOutside(http.reason)}`,
      detail: `${hostPort(app.address, app.port)} answered ${http.status} ${quoteOutside(http.reason)}${http.server ? ` (server ${quoteOutside(http.server)})` : ''} in ${Math.round(http.ttfbMs)} ms. ${meaning}`,
      fixes: everywhereFixes('See the full answer, headers included', cmd('curl', '-v', url)),
      lesson: 'http',
    },
  ];
});
