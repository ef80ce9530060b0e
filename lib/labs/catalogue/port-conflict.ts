import { hostPort } from '@/lib/net';
import { posixCommand } from '@/lib/shell/script';
import { hasFinding } from '../findings';
import { whoListensCommand } from '../fix-commands';
import type { Lab } from '../types';

export const portConflict: Lab = {
  id: 'port-conflict',
  title: 'Address already in use',
  story:
    'You are about to start your app on its usual port and it dies at once with EADDRINUSE. Nothing of yours should be running.',
  brief: 'Starting fails: something already holds the port.',
  teaches: 'port-taken',
  distractors: ['privileged-port', 'ephemeral-port', 'firewall-blocks', 'bound-elsewhere'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    const { process: holder } = await kit.startService(
      { host: '127.0.0.1', port },
      { role: 'yesterday’s dev server (the holder)' },
    );
    const address = hostPort('127.0.0.1', port);
    return {
      target: address,
      intent: 'start',
      port,
      hints: [
        `Before you start on ${address}, ask who holds it: \`${whoListensCommand(port)}\`.`,
        `pid ${holder.pid} (node) already listens on ${address}.`,
        `Two sockets cannot listen on the same address and port: stop the holder, or start on another port.`,
      ],
      explanation:
        `Port ${port} is taken: pid ${holder.pid}, a dev server left running from yesterday, listens on ${address}. ` +
        `Your app's bind fails with EADDRINUSE until that process stops or you pick another port.`,
      fix: [
        {
          label: `Stop the holder (pid ${holder.pid}), or use the doctor's Stop button`,
          command: posixCommand(['kill', String(holder.pid)]),
        },
      ],
      solved: (d) => hasFinding(d, 'port-free') && !hasFinding(d, 'port-taken'),
    };
  },
};
