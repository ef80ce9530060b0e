import { hostPort } from '@/lib/net';
import { restartStep, whoListensCommand, writeFileStep } from '../fix-commands';
import type { Lab } from '../types';

export const ipv6Only: Lab = {
  id: 'ipv6-only',
  title: '::1 is not 127.0.0.1',
  story:
    'A colleague says the server is running — they can see it in their terminal. Your curl to 127.0.0.1 is refused all the same.',
  brief: 'The server is up, and 127.0.0.1 is refused.',
  teaches: 'family-mismatch',
  distractors: ['no-listener', 'bound-elsewhere', 'firewall-blocks', 'port-taken'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    const { process: service } = await kit.startService({ host: '::1', port });
    const bound = hostPort('::1', port);
    const asked = hostPort('127.0.0.1', port);
    return {
      target: asked,
      intent: 'reach',
      port,
      hints: [
        `Ask the OS what listens on port ${port}: \`${whoListensCommand(port)}\`.`,
        `Look at the address the listener is bound to: \`${bound}\`.`,
        `127.0.0.1 is IPv4 and ::1 is IPv6: each family has its own loopback, and a socket on one does not answer the other.`,
      ],
      explanation:
        `The service (pid ${service.pid}) listens on ${bound} — IPv6 only — and you asked for ${asked}, IPv4. ` +
        `The connect to 127.0.0.1 is refused because no IPv4 socket listens on port ${port}. Open http://${bound}/, or ` +
        `make the service listen on 127.0.0.1 (or on both).`,
      fix: [
        writeFileStep('Make the service listen on 127.0.0.1', kit.file('server.json'), {
          host: '127.0.0.1',
          port,
        }),
        restartStep(service.pid),
      ],
    };
  },
};
