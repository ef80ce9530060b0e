import { hostPort } from '@/lib/net';
import { parseTarget } from '@/lib/target';
import { posixCommand } from '@/lib/shell/script';
import type { Lab } from '../types';

export const tlsAsHttp: Lab = {
  id: 'tls-as-http',
  title: 'http:// to an HTTPS server',
  story:
    'The README says “open http://127.0.0.1 on the port it prints”. The browser shows garbage, or “empty response”.',
  brief: 'The server speaks TLS; the link says http://.',
  teaches: 'tls-expected',
  distractors: ['no-response', 'not-http', 'http-error', 'family-mismatch'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    await kit.makeCertificate();
    const { process: service } = await kit.startService({ host: '127.0.0.1', port, tls: true });
    const address = hostPort('127.0.0.1', port);
    return {
      target: `http://${address}`,
      intent: 'reach',
      port,
      hints: [
        `Ask it by hand: \`${posixCommand(['curl', '-v', `http://${address}/`])}\` — no HTTP answer comes back.`,
        `pid ${service.pid} accepts the connection and waits for a TLS handshake, which a plain http:// request never sends.`,
        `Try the same address with https:// (the lab's certificate is self-signed: curl -k).`,
      ],
      explanation:
        `pid ${service.pid} on ${address} speaks HTTPS (TLS, with a self-signed certificate for localhost and 127.0.0.1). ` +
        `A plain http:// request is not a TLS handshake, so the server never sees a request it can read. Open ` +
        `https://${address}/.`,
      fix: [
        { label: 'Open it as HTTPS', command: `https://${address}/` },
        {
          label: 'Or with curl (self-signed certificate)',
          command: posixCommand(['curl', '-k', `https://${address}/`]),
        },
      ],
      acceptsTarget: (candidate) => {
        const parsed = parseTarget(candidate);
        return (
          parsed.ok && parsed.target.port === port && ['127.0.0.1', 'localhost'].includes(parsed.target.host)
        );
      },
    };
  },
};
