import { defineCheck } from '@/lib/diagnosis/check';
import { portSettingFix, shellFix } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { Fix } from '@/lib/diagnosis/types';
import { listAnd, tcpListeners } from '@/lib/diagnosis/view';

/**
 * Windows: the port lies in an excluded range that Hyper-V, WSL 2 or Docker Desktop (through WinNAT)
 * reserved, so binding it fails with WSAEACCES even though netstat shows nobody on it. Administered
 * ranges ("*") are left out: they only keep the port from being handed out or reserved, a program that
 * asks for it still gets it — they are the fix, not the problem.
 */
export const portExcluded = defineCheck({ 'port-excluded': 30 }, (facts) => {
  if (facts.excludedPorts?.status !== 'ok') return [];
  const port = facts.target.port;
  const blocking = facts.excludedPorts.value.filter(
    (r) => !r.administered && port >= r.start && port <= r.end,
  );
  if (blocking.length === 0) return [];
  const ranges = [
    ...new Set(blocking.map((r) => (r.start === r.end ? `${r.start}` : `${r.start}\u2013${r.end}`))),
  ];
  const families = [...new Set(blocking.map((r) => r.family))];
  const held = (tcpListeners(facts) ?? []).length > 0;
  const free = facts.freePort?.status === 'ok' ? facts.freePort.value : null;
  const fixes: Fix[] = [
    shellFix(
      'win32',
      'See the reserved ranges',
      cmd('netsh', 'int', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp'),
    ),
    shellFix(
      'win32',
      'Release the Hyper-V/WinNAT reservations (elevated; Docker and WSL networking pause meanwhile)',
      cmd('net', 'stop', 'winnat'),
    ),
    shellFix(
      'win32',
      `Keep port ${port} for yourself before WinNAT reserves again (elevated; your server can still bind it)`,
      cmd(
        'netsh',
        'int',
        'ipv4',
        'add',
        'excludedportrange',
        'protocol=tcp',
        `startport=${port}`,
        'numberofports=1',
      ),
    ),
    shellFix('win32', 'Start WinNAT again', cmd('net', 'start', 'winnat')),
    shellFix(
      'win32',
      'If an update moved the dynamic range low, put it back to 49152\u201365535 (elevated, then reboot)',
      cmd('netsh', 'int', 'ipv4', 'set', 'dynamic', 'tcp', 'start=49152', 'num=16384'),
    ),
  ];
  if (free !== null)
    fixes.unshift(portSettingFix(`Or use port ${free} (free right now, checked by binding it)`, free));
  return [
    {
      id: 'port-excluded',
      severity: held ? 'info' : 'error',
      step: 'start',
      title: `Port ${port} is reserved by Windows (excluded range ${listAnd(ranges)})`,
      detail:
        `\`netsh int ${families.includes('IPv4') ? 'ipv4' : 'ipv6'} show excludedportrange protocol=tcp\` lists ${listAnd(ranges)}, ` +
        `which contains ${port}. Windows reserves such blocks for Hyper-V, WSL 2 and Docker Desktop (WinNAT), often ` +
        `at boot; a server that tries to listen there fails with "An attempt was made to access a socket in a way ` +
        `forbidden by its access permissions" (WSAEACCES, 10013), although netstat shows nobody using the port. ` +
        `Restarting WinNAT releases the reservations; an administered exclusion for your port keeps them off it.`,
      fixes,
      lesson: 'port-ranges',
    },
  ];
});
