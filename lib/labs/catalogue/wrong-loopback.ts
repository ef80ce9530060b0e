import { hostPort } from '@/lib/net';
import { restartStep, whoListensCommand, writeFileStep } from '../fix-commands';
import type { Lab } from '../types';

export const wrongLoopback: Lab = {
  id: 'wrong-loopback',
  title: '127.0.0.2 is not 127.0.0.1',
  story:
    'Someone copied a config from a machine with several local services. The server says it is listening; 127.0.0.1 refuses.',
  brief: 'Listening, but on another loopback address.',
  teaches: 'bound-elsewhere',
  distractors: ['no-listener', 'family-mismatch', 'firewall-blocks', 'no-response'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    const { process: service } = await kit.startService({ host: '127.0.0.2', port });
    const bound = hostPort('127.0.0.2', port);
    const asked = hostPort('127.0.0.1', port);
    return {
      target: asked,
      intent: 'reach',
      port,
      hints: [
        `Ask the OS what listens on port ${port}: \`${whoListensCommand(port)}\`.`,
        `Look at the address the listener is bound to: \`${bound}\`.`,
        `All of 127.0.0.0/8 is loopback, and each address is its own: a socket on 127.0.0.2 does not answer 127.0.0.1.`,
      ],
      explanation:
        `The service (pid ${service.pid}) listens on ${bound}, and you asked for ${asked}. Both are loopback, but a ` +
        `socket bound to one address answers only that address, so 127.0.0.1:${port} is refused.`,
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
