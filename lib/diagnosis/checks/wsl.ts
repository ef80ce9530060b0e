import { defineCheck } from '@/lib/diagnosis/check';
import { shellFix } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { Facts, Finding, Fix } from '@/lib/diagnosis/types';
import { attempts, tcpListeners } from '@/lib/diagnosis/view';
import { forwardingHolder } from '@/lib/host/forwarding-holders';

const RESTART_WSL: Fix = shellFix(
  'win32',
  'Restart WSL, and with it the localhost forwarding (from PowerShell or cmd, ends every distro)',
  cmd('wsl', '--shutdown'),
);
const SHOW_PORTPROXY: Fix = shellFix(
  'win32',
  'See netsh port proxies, which can hold or redirect a port',
  cmd('netsh', 'interface', 'portproxy', 'show', 'all'),
);

/** Something went wrong, or the user wants to start here: only then is WSL worth a sentence. */
function troubled(facts: Facts): boolean {
  const tcp = tcpListeners(facts) ?? [];
  if (facts.intent === 'start') return tcp.length > 0;
  return tcp.length === 0 || attempts(facts).some((a) => a.outcome !== 'open');
}

/** The doctor itself runs inside WSL: what localhost means there depends on the WSL version. */
function insideWsl(facts: Facts): Finding<'wsl-forwarding'>[] {
  if (facts.wsl?.status !== 'ok' || !facts.wsl.value.isWsl || !troubled(facts)) return [];
  const { version, kernel } = facts.wsl.value;
  const port = facts.target.port;
  const which = version ? `WSL ${version}` : 'WSL';
  const detail =
    version === 1
      ? `This Linux runs in WSL 1 (kernel ${kernel ?? 'unknown'}), which shares Windows' network stack: a port taken ` +
        `on Windows is taken here too, and only Windows' own tools can show who holds it.`
      : `This Linux runs in ${which} (kernel ${kernel ?? 'unknown'}), a small VM. With the default NAT networking, ` +
        `a server listening here on port ${port} is forwarded to Windows' localhost, but a service running on the ` +
        `Windows side is not on this Linux's 127.0.0.1: reach it through the Windows host's address (the default ` +
        `gateway below), or turn on mirrored networking (networkingMode=mirrored in %UserProfile%\\.wslconfig). ` +
        `When Windows stops reaching a server here, \`wsl --shutdown\` restarts the forwarding; a stale ` +
        `\`netsh interface portproxy\` rule on Windows can also hold or redirect the port.`;
  return [
    {
      id: 'wsl-forwarding',
      severity: 'info',
      step: 'open',
      title: `This Linux runs inside ${which}: localhost is shared with Windows only through forwarding`,
      detail,
      fixes: [
        shellFix(
          'linux',
          "The Windows host's address from inside WSL (the address after 'via')",
          cmd('ip', 'route', 'show', 'default'),
        ),
        RESTART_WSL,
        SHOW_PORTPROXY,
        shellFix(
          'win32',
          'See who holds the port on the Windows side (PowerShell)',
          cmd('Get-NetTCPConnection', '-LocalPort', `${port}`, '-State', 'Listen'),
        ),
      ],
      lesson: 'loopback',
    },
  ];
}

/** On Windows: the port is held by WSL's relay (a Linux service) or by a netsh port proxy. */
function relayedFromWsl(facts: Facts): Finding<'wsl-forwarding'>[] {
  const port = facts.target.port;
  const relays = (tcpListeners(facts) ?? [])
    .map((l) => ({ l, holder: forwardingHolder(l.process, l.command) }))
    .filter((r) => r.holder?.kind === 'wsl-relay' || r.holder?.kind === 'portproxy');
  const first = relays[0];
  if (!first) return [];
  const isRelay = first.holder!.kind === 'wsl-relay';
  const pid = first.l.pid === null ? '' : ` (pid ${first.l.pid})`;
  return [
    {
      id: 'wsl-forwarding',
      severity: facts.intent === 'start' ? 'warning' : 'info',
      step: 'start',
      title: isRelay
        ? `Port ${port} is forwarded from WSL: the service runs inside a Linux distro`
        : `Port ${port} is held by a netsh port proxy, not by a service`,
      detail: isRelay
        ? `wslrelay.exe${pid} holds port ${port} on Windows to forward it to a server inside WSL 2. Stopping ` +
          `wslrelay only breaks the forwarding: stop the server inside the distro, or \`wsl --shutdown\` to stop them all.`
        : `The IP Helper service (svchost${pid}) listens on port ${port} because a \`netsh interface portproxy\` rule ` +
          `forwards it elsewhere, often into WSL. Delete the rule to free the port.`,
      fixes: isRelay
        ? [
            shellFix(
              'win32',
              'See which Linux process listens on the port inside WSL',
              cmd('wsl', '-e', 'ss', '-ltnp', `sport = :${port}`),
            ),
            RESTART_WSL,
          ]
        : [
            SHOW_PORTPROXY,
            shellFix(
              'win32',
              'Delete the rule for this port (elevated; use the listen address the line above shows)',
              cmd(
                'netsh',
                'interface',
                'portproxy',
                'delete',
                'v4tov4',
                `listenport=${port}`,
                'listenaddress=0.0.0.0',
              ),
            ),
          ],
      lesson: 'port-conflicts',
    },
  ];
}

export const wslForwarding = defineCheck({ 'wsl-forwarding': 60 }, (facts) =>
  facts.platform === 'win32' ? relayedFromWsl(facts) : insideWsl(facts),
);
