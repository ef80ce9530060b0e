import { defineCheck } from '@/lib/diagnosis/check';
import { rebindFixes } from '@/lib/diagnosis/check-helpers/rebind-fixes';
import { keepPrivilegedPortFixes, runtimeOf } from '@/lib/diagnosis/check-helpers/privileged-fixes';
import { portSettingFix } from '@/lib/diagnosis/fix';
import type { Fix } from '@/lib/diagnosis/types';
import { bindAddressFor, tcpListeners } from '@/lib/diagnosis/view';

/** The port is below this OS's privileged limit: a normal user's server cannot bind it. */
export const privilegedPort = defineCheck({ 'privileged-port': 300 }, (facts) => {
  if (facts.port.status !== 'ok' || !facts.port.value.privileged) return [];
  const port = facts.target.port;
  const starting = facts.intent === 'start';
  const root = facts.self.uid === 0;
  const below = facts.port.value.privilegedBelow;
  // The diagnosis' one free port (proven by binding), the same number every finding suggests.
  const free = facts.freePort?.status === 'ok' ? facts.freePort.value : null;
  const holder = (tcpListeners(facts) ?? [])[0] ?? null;
  const fixes: Fix[] = [];
  if (free !== null) {
    const bind = bindAddressFor(facts);
    const moved = rebindFixes(
      holder,
      { host: bind, port: free, from: { host: holder?.address ?? bind, port } },
      (what) => `Use port ${free} instead (free right now): ${what}`,
      [portSettingFix(`Use port ${free} instead (free right now: set PORT or pass --port)`, free)],
      facts.self.cwd,
    );
    fixes.push(...moved.fixes);
  }
  if (facts.platform === 'linux')
    fixes.push(...keepPrivilegedPortFixes(port, runtimeOf(holder), facts.self.user));
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
        `A development server is simpler on a port above 1023` +
        (free !== null ? `: ${free} is free right now.` : '.'),
      fixes,
      lesson: 'port-ranges',
    },
  ];
});
