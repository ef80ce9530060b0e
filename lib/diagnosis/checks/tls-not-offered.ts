import { defineCheck } from '@/lib/diagnosis/check';
import { addressFix } from '@/lib/diagnosis/fix';
import { application, targetUrl } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';

/** The user typed https:// but the server speaks plain HTTP: browsers show "SSL_ERROR_RX_RECORD_TOO_LONG". */
export const tlsNotOffered = defineCheck({ 'tls-not-offered': 190 }, (facts) => {
  const app = application(facts);
  if (!app || app.kind !== 'http' || facts.target.scheme !== 'https') return [];
  return [
    {
      id: 'tls-not-offered',
      severity: 'error',
      step: 'open',
      title: `${facts.target.display} speaks plain HTTP: open http://, not https://`,
      detail: `You asked for https://, but ${hostPort(app.address, app.port)} answered plain HTTP ${app.http?.status ?? ''} without TLS. Browsers then report a protocol error (e.g. ERR_SSL_PROTOCOL_ERROR).`,
      fixes: [addressFix('Open it with http://', targetUrl(facts, 'http'))],
      lesson: 'http',
    },
  ];
});
