import { hostPort } from '@/lib/net';
import { posixCommand } from '@/lib/shell/script';
import { restartStep, writeFileStep } from '../fix-commands';
import type { Lab } from '../types';

export const exposedDevServer: Lab = {
  id: 'exposed-dev-server',
  title: 'A dev server open to the network',
  story:
    'Everything works on your machine. Then someone on the café Wi-Fi opens your dev server from their laptop.',
  brief: 'It answers on 127.0.0.1 — and on every other interface too.',
  teaches: 'wildcard-exposed',
  distractors: ['bound-elsewhere', 'family-mismatch', 'firewall-blocks', 'port-taken'],
  needsRoot: true,
  async setup(kit) {
    // 0.0.0.0 only inside the lab's own namespace (loopback only): the host's real interfaces are never exposed.
    const ns = await kit.createNamespace();
    const port = await kit.pickPort();
    const { process: service } = await kit.startService({ host: '0.0.0.0', port });
    const bound = hostPort('0.0.0.0', port);
    return {
      target: hostPort('127.0.0.1', port),
      intent: 'reach',
      port,
      hints: [
        `Ask who listens, in the lab's namespace: \`${posixCommand(['sudo', 'ip', 'netns', 'exec', ns, 'ss', '-ltnp', `sport = :${port}`])}\`.`,
        `Look at the address the listener is bound to: \`${bound}\`.`,
        `0.0.0.0 means every interface: the Wi-Fi and VPN addresses too, not only 127.0.0.1.`,
      ],
      explanation:
        `pid ${service.pid} listens on ${bound}: it answers on 127.0.0.1, and on every network address the machine has, so ` +
        `anyone who can reach the machine can open it. A dev server belongs on 127.0.0.1.`,
      fix: [
        writeFileStep('Bind the dev server to 127.0.0.1 only', kit.file('server.json'), {
          host: '127.0.0.1',
          port,
        }),
        restartStep(service.pid, true),
      ],
    };
  },
};
