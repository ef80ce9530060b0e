import type { Check } from '@/lib/diagnosis/types';

/** Ports below 1024 need root (or CAP_NET_BIND_SERVICE) to bind on Linux; elsewhere it is only a convention now. */
export const privilegedPort: Check = (facts) => {
  if (facts.port.status !== 'ok' || !facts.port.value.privileged) return [];
  const port = facts.target.port;
  const starting = facts.intent === 'start';
  const root = facts.self.uid === 0;
  return [
    {
      id: 'privileged-port',
      severity: starting && facts.platform === 'linux' && !root ? 'warning' : 'info',
      step: starting ? 'start' : 'fix',
      title: `Port ${port} is a privileged (well-known) port`,
      detail:
        `Ports 0\u20131023 are "well-known": on Linux only root or a program with CAP_NET_BIND_SERVICE may listen on them ` +
        `(a normal user gets EACCES, "permission denied"); macOS and Windows allow it. A development server is simpler on a port above 1023.`,
      fixes: [
        {
          platform: 'linux',
          label: 'Let this Node binary bind low ports without root',
          command: `sudo setcap 'cap_net_bind_service=+ep' "$(command -v node)"`,
        },
        {
          platform: 'any',
          label: 'Or use a port above 1023',
          command: `PORT=${port < 80 ? 8080 + port : port + 8000}`,
        },
      ],
      lesson: 'port-ranges',
    },
  ];
};
