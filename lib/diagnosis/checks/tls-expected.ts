import { defineCheck } from '@/lib/diagnosis/check';
import { addressFix, everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import { application, targetUrl } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

/** The port speaks TLS (HTTPS) but the user did not ask for https://: a browser sending plain HTTP gets nothing useful. */
export const tlsExpected = defineCheck({ 'tls-expected': 200 }, (facts) => {
  const app = application(facts);
  if (!app || (app.kind !== 'https' && app.kind !== 'tls') || facts.target.scheme === 'https') return [];
  const url = targetUrl(facts, 'https');
  const cert = app.tls?.authorizationError
    ? ` Its certificate is not trusted (${quoteOutside(app.tls.authorizationError)}${app.tls.subject ? `, for ${quoteOutside(app.tls.subject)}` : ''}), which is normal for a local development certificate: the browser will ask you to confirm.`
    : '';
  return [
    {
      id: 'tls-expected',
      severity: 'warning',
      step: 'open',
      title: `${facts.target.display} speaks HTTPS: open https://, not http://`,
      detail: `${hostPort(app.address, app.port)} completed a TLS handshake (${app.tls?.protocol ?? 'TLS'}). Plain http:// to this port fails or shows garbage.${cert}`,
      fixes: [
        addressFix('Open it with https://', url),
        ...everywhereFixes('Test it, accepting a self-signed certificate', cmd('curl', '-vk', url)),
      ],
      lesson: 'http',
    },
  ];
});
