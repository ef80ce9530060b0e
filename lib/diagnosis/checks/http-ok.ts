import { defineCheck } from '@/lib/diagnosis/check';
import { addressFix } from '@/lib/diagnosis/fix';
import { application, targetUrl } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

/** An HTTP(S) answer below 400: the address works; say what answered. */
export const httpOk = defineCheck({ 'http-ok': 320 }, (facts) => {
  const app = application(facts);
  const http = app?.http;
  if (!app || !http || (app.kind !== 'http' && app.kind !== 'https') || http.status >= 400) return [];
  const scheme = app.kind === 'https' ? 'https' : 'http';
  const parts = [
    `${hostPort(app.address, app.port)} answered ${scheme.toUpperCase()} ${http.status} ${quoteOutside(http.reason)} in ${Math.round(http.ttfbMs)} ms`,
    http.title ? `page title ${quoteOutside(http.title)}` : null,
    http.server ? `server ${quoteOutside(http.server)}` : null,
    http.contentType ? `content type ${quoteOutside(http.contentType)}` : null,
    http.location ? `redirecting to ${quoteOutside(http.location)}` : null,
  ].filter(Boolean);
  return [
    {
      id: 'http-ok',
      severity: 'ok',
      step: 'open',
      title: `${facts.target.display} answers: ${http.status} ${quoteOutside(http.reason)}${http.title ? ` \u2014 ${quoteOutside(http.title)}` : ''}`,
      detail: `${parts.join('; ')}. Open ${targetUrl(facts, scheme)} in your browser.`,
      fixes: [addressFix('Open it', targetUrl(facts, scheme))],
      lesson: 'http',
    },
  ];
});
