import { writeFile } from 'node:fs/promises';
import { hostPort } from '@/lib/net';
import { posixCommand } from '@/lib/shell/script';
import type { Lab } from '../types';

export const stuckService: Lab = {
  id: 'stuck-service',
  title: 'Connected, and then nothing',
  story:
    'After last night’s crash the service came back up. Now the browser spins forever: no error, no page.',
  brief: 'It accepts the connection and never answers.',
  teaches: 'no-response',
  distractors: ['no-listener', 'firewall-blocks', 'tls-expected', 'http-error'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    const lock = kit.file('app.lock');
    await writeFile(lock, 'pid 4242, worker started 03:12, never released\n');
    const { process: service } = await kit.startService({ host: '127.0.0.1', port, lockFile: 'app.lock' });
    const address = hostPort('127.0.0.1', port);
    return {
      target: address,
      intent: 'reach',
      port,
      hints: [
        `Connect to ${address} by hand: \`${posixCommand(['curl', '-v', '--max-time', '5', `http://${address}/`])}\` — it connects, then waits.`,
        `A listener accepted the connection, so something is there (pid ${service.pid}); it just never sends a byte.`,
        `The service waits for a lock before it answers: \`${lock}\`, left by a worker that died last night.`,
      ],
      explanation:
        `The connect to ${address} succeeds — pid ${service.pid} listens there — but no answer ever comes: every request ` +
        `waits for the lock ${lock}, which a crashed worker never released. Accepting and not answering is a stuck ` +
        `process, not a network problem.`,
      fix: [{ label: 'Remove the stale lock', command: posixCommand(['rm', lock]) }],
    };
  },
};
