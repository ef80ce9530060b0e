import { hostPort } from '@/lib/net';
import { parseTarget } from '@/lib/target';
import { hasFinding } from '../findings';
import { readEphemeralRange } from '@/lib/host/port-range';
import { restartStep, writeFileStep } from '../fix-commands';
import type { ServiceAddress } from '../processes';
import type { Lab } from '../types';

const SUGGESTED_FIXED_PORT = 18080;

export const movingPort: Lab = {
  id: 'moving-port',
  title: 'The port that moved',
  story:
    'Yesterday you bookmarked the address the service printed. It was restarted overnight, and the bookmark is refused.',
  brief: 'A service on “any free port” gets a new one on every restart.',
  teaches: 'ephemeral-port',
  distractors: ['firewall-blocks', 'family-mismatch', 'bound-elsewhere', 'port-taken'],
  needsRoot: false,
  async setup(kit) {
    const { process: service, address: first } = await kit.startService({ host: '127.0.0.1', port: 0 });
    let now: ServiceAddress = await kit.restartService(service);
    for (let i = 0; i < 3 && now.port === first.port; i++) now = await kit.restartService(service);
    const range = await readEphemeralRange();
    const bookmark = hostPort('127.0.0.1', first.port);
    const current = hostPort('127.0.0.1', now.port);
    return {
      target: bookmark,
      intent: 'reach',
      port: first.port,
      hints: [
        `The service's first start printed ${bookmark}; after its restart it printed ${current}.`,
        `Its server.json (${kit.file('server.json')}) says port 0: "any free port", which the OS picks from its ephemeral range ${range.low}–${range.high}.`,
        `Pin a fixed port outside ${range.low}–${range.high} in server.json and restart it; then check with that address.`,
      ],
      explanation:
        `The service (pid ${service.pid}) asks for port 0, so every start gets a port the OS picks from ${range.low}–${range.high}: ` +
        `${first.port} yesterday, ${now.port} now. ${bookmark} is refused because nothing listens there any more. ` +
        `Give it a fixed port outside the ephemeral range.`,
      fix: [
        writeFileStep(
          `Pin a fixed port (${SUGGESTED_FIXED_PORT}, or any free one outside ${range.low}–${range.high})`,
          kit.file('server.json'),
          {
            host: '127.0.0.1',
            port: SUGGESTED_FIXED_PORT,
          },
        ),
        restartStep(service.pid),
      ],
      // The fix is a new address: any loopback port the lab's own service now listens on, outside the range.
      acceptsTarget: (candidate) => {
        const parsed = parseTarget(candidate);
        return parsed.ok && parsed.target.host === '127.0.0.1';
      },
      solved: (d) => {
        const latest = service.addresses[service.addresses.length - 1];
        return (
          latest !== undefined &&
          d.target.port === latest.port &&
          latest.port !== 0 &&
          hasFinding(d, 'http-ok') &&
          !hasFinding(d, 'ephemeral-port')
        );
      },
    };
  },
};
