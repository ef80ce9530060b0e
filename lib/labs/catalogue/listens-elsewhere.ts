import { hostPort } from '@/lib/net';
import { restartStep, whoListensCommand, writeFileStep } from '../fix-commands';
import type { Lab, LabSituation } from '../types';
import type { LabKit } from '../kit';

/**
 * A running service bound to another loopback address than the one asked for (127.0.0.1): the same
 * situation for ::1 (another family) and 127.0.0.2 (the same family, another address); `why` says which.
 */
async function listensElsewhere(
  kit: LabKit,
  host: string,
  why: (bound: string, asked: string, port: number) => { rule: string; explanation: string },
): Promise<LabSituation> {
  const port = await kit.pickPort();
  const { process: service } = await kit.startService({ host, port });
  const bound = hostPort(host, port);
  const asked = hostPort('127.0.0.1', port);
  const { rule, explanation } = why(bound, asked, port);
  return {
    target: asked,
    intent: 'reach',
    port,
    hints: [
      `Ask the OS what listens on port ${port}: \`${whoListensCommand(port)}\`.`,
      `Look at the address the listener is bound to: \`${bound}\`.`,
      rule,
    ],
    explanation: `The service (pid ${service.pid}) listens on ${bound}, and you asked for ${asked}. ${explanation}`,
    fix: [
      writeFileStep('Make the service listen on 127.0.0.1', kit.file('server.json'), {
        host: '127.0.0.1',
        port,
      }),
      restartStep(service.pid),
    ],
  };
}

export const ipv6Only: Lab = {
  id: 'ipv6-only',
  title: '::1 is not 127.0.0.1',
  story:
    'A colleague says the server is running — they can see it in their terminal. Your curl to 127.0.0.1 is refused all the same.',
  brief: 'The server is up, and 127.0.0.1 is refused.',
  teaches: 'family-mismatch',
  distractors: ['no-listener', 'bound-elsewhere', 'firewall-blocks', 'port-taken'],
  needsRoot: false,
  setup: (kit) =>
    listensElsewhere(kit, '::1', (bound, _asked, port) => ({
      rule: '127.0.0.1 is IPv4 and ::1 is IPv6: each family has its own loopback, and a socket on one does not answer the other.',
      explanation:
        `That is IPv6 only, and 127.0.0.1 is IPv4: the connect is refused because no IPv4 socket listens on port ${port}. ` +
        `Open http://${bound}/, or make the service listen on 127.0.0.1 (or on both).`,
    })),
};

export const wrongLoopback: Lab = {
  id: 'wrong-loopback',
  title: '127.0.0.2 is not 127.0.0.1',
  story:
    'Someone copied a config from a machine with several local services. The server says it is listening; 127.0.0.1 refuses.',
  brief: 'Listening, but on another loopback address.',
  teaches: 'bound-elsewhere',
  distractors: ['no-listener', 'family-mismatch', 'firewall-blocks', 'no-response'],
  needsRoot: false,
  setup: (kit) =>
    listensElsewhere(kit, '127.0.0.2', (_bound, asked) => ({
      rule: 'All of 127.0.0.0/8 is loopback, and each address is its own: a socket on 127.0.0.2 does not answer 127.0.0.1.',
      explanation: `Both are loopback, but a socket bound to one address answers only that address, so ${asked} is refused.`,
    })),
};
