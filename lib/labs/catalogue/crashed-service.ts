import { hostPort } from '@/lib/net';
import { posixCommand } from '@/lib/shell/script';
import { serviceScriptPath } from '../processes';
import { startOwnServerStep, whoListensCommand } from '../fix-commands';
import type { Lab } from '../types';

export const crashedService: Lab = {
  id: 'crashed-service',
  title: 'The service that crashed',
  story:
    'Your teammate started the service this morning and it printed its address. Now the page shows nothing and the browser says the connection was refused.',
  brief: 'It started, printed its address, and is gone.',
  teaches: 'no-listener',
  distractors: ['family-mismatch', 'bound-elsewhere', 'firewall-blocks', 'no-response'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    const { process: service } = await kit.startService(
      { host: '127.0.0.1', port },
      { role: 'the lab’s service', crashAfterMs: 300 },
    );
    await service.exited;
    const address = hostPort('127.0.0.1', port);
    const lastWords = service.stderr().trim().split('\n').pop() ?? '';
    return {
      target: address,
      intent: 'reach',
      port,
      hints: [
        `Ask the OS what listens on port ${port}: \`${whoListensCommand(port)}\`.`,
        `The service (pid ${service.pid}) printed that it listens on ${address}, then exited with code ${service.exitCode()}.`,
        `Its last words on stderr: \`${lastWords}\`.`,
      ],
      explanation:
        `Nothing listens on port ${port}: the service (pid ${service.pid}) did start on ${address}, then exited with code ` +
        `${service.exitCode()} ("${lastWords}"). A refused connection on loopback almost always means no socket listens there — ` +
        `the address it printed earlier says nothing about now.`,
      fix: [
        {
          label: `Start the service again (it listens on ${address})`,
          command: posixCommand(['node', serviceScriptPath(), kit.dir]),
        },
        startOwnServerStep('127.0.0.1', port),
      ],
    };
  },
};
