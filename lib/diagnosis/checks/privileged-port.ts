import { defineCheck } from '@/lib/diagnosis/check';
import { portSettingFix, shellFix } from '@/lib/diagnosis/fix';
import { cmd, raw } from '@/lib/shell/script';

/** The port is below this OS's privileged limit: a normal user's server cannot bind it. */
export const privilegedPort = defineCheck({ 'privileged-port': 300 }, (facts) => {
  if (facts.port.status !== 'ok' || !facts.port.value.privileged) return [];
  const port = facts.target.port;
  const starting = facts.intent === 'start';
  const root = facts.self.uid === 0;
  const below = facts.port.value.privilegedBelow;
  return [
    {
      id: 'privileged-port',
      severity: starting && !root ? 'warning' : 'info',
      step: starting ? 'start' : 'fix',
      title: `Port ${port} is a privileged (well-known) port`,
      detail:
        (facts.platform === 'darwin'
          ? `On macOS a normal user may not bind a port below 1024 on a specific address such as 127.0.0.1 (EACCES, "permission denied"); only the all-interfaces address works without root, and that exposes the server. `
          : `Here ports below ${below.port} (${below.source}) need root or a program with CAP_NET_BIND_SERVICE; a normal user gets EACCES, "permission denied". `) +
        `A development server is simpler on a port above 1023.`,
      fixes: [
        shellFix('linux', 'Let this Node binary bind low ports without root', [
          ...cmd('sudo', 'setcap', 'cap_net_bind_service=+ep'),
          raw('nodeBinary'),
        ]),
        portSettingFix('Or use a port above 1023', port < 80 ? 8080 + port : port + 8000),
      ],
      lesson: 'port-ranges',
    },
  ];
});
