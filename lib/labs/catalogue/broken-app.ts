import { hostPort } from '@/lib/net';
import { posixCommand } from '@/lib/shell/script';
import { writeFileStep } from '../fix-commands';
import type { Lab } from '../types';

export const brokenApp: Lab = {
  id: 'broken-app',
  title: 'HTTP 500 from the app',
  story:
    'The deploy script moved the settings around. The page now loads instantly — with “Internal Server Error”.',
  brief: 'The network is fine; the app answers 500.',
  teaches: 'http-error',
  distractors: ['no-response', 'tls-expected', 'not-http', 'no-listener'],
  needsRoot: false,
  async setup(kit) {
    const port = await kit.pickPort();
    const settings = kit.file('settings.json');
    const { process: service } = await kit.startService({
      host: '127.0.0.1',
      port,
      settingsFile: 'settings.json',
    });
    const address = hostPort('127.0.0.1', port);
    return {
      target: address,
      intent: 'reach',
      port,
      hints: [
        `Read the whole answer: \`${posixCommand(['curl', '-v', `http://${address}/`])}\`.`,
        `The connection and HTTP both work: pid ${service.pid} answers, with status 500. The problem is inside the app.`,
        `The page's title says what the app misses: \`Error: no "database" setting in ${settings}\`.`,
      ],
      explanation:
        `${address} answers HTTP 500: the app (pid ${service.pid}) runs and speaks HTTP, but fails every request because ` +
        `${settings} has no "database" setting. A 5xx is the application's own error; the fix is in its config or its log, not the network.`,
      fix: [writeFileStep('Write the missing setting', settings, { database: 'sqlite:///tmp/lab.db' })],
    };
  },
};
