import 'server-only';
import { runCommand } from '@/lib/exec';
import { parseWin32Netstat, type NetstatRow } from '@/lib/host/netstat';
import { parseWin32Processes, WIN32_PROCESS_SCRIPT } from '@/lib/host/win32/processes';
import { sortListeners, toListener, type SocketRow } from '@/lib/host/listeners/rows';
import type { ListenerTable, ListListenersOptions, Protocol } from '@/lib/host/listeners/types';

/** TCP listeners and unconnected UDP sockets from `netstat -ano` rows. */
export function win32ListenerRows(rows: NetstatRow[], protocols: Protocol[], port?: number): SocketRow[] {
  return rows
    .filter((r) => protocols.includes(r.protocol) && (port === undefined || r.localPort === port))
    .filter((r) => (r.protocol === 'tcp' ? r.state === 'LISTEN' : r.remotePort === 0))
    .map((r) => ({
      protocol: r.protocol,
      family: r.family,
      address: r.localAddress,
      port: r.localPort,
      pid: r.pid,
    }));
}

export async function listWin32Listeners(options: ListListenersOptions = {}): Promise<ListenerTable> {
  const protocols = options.protocols ?? ['tcp', 'udp'];
  const [netstat, processes] = await Promise.all([
    runCommand('netstat', ['-ano'], { timeoutMs: 5000 }),
    runCommand('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', WIN32_PROCESS_SCRIPT], {
      timeoutMs: 8000,
    }),
  ]);
  const warnings: string[] = [];
  if (netstat.error || netstat.code !== 0)
    warnings.push(`netstat -ano failed: ${netstat.error ?? netstat.stderr.trim()}`);
  if (processes.error || processes.code !== 0) {
    warnings.push(
      `process details unavailable (PowerShell Get-CimInstance failed: ${processes.error ?? processes.stderr.trim()})`,
    );
  }
  const details = parseWin32Processes(processes.stdout);
  const listeners = win32ListenerRows(parseWin32Netstat(netstat.stdout), protocols, options.port).map((row) =>
    toListener(row, row.pid === null ? undefined : details.get(row.pid)),
  );
  return {
    listeners: sortListeners(listeners),
    source: 'netstat -ano + Get-CimInstance Win32_Process',
    partial: warnings.length > 0,
    warnings,
  };
}
