import 'server-only';
import { runCommand } from '@/lib/exec';
import { parseDarwinNetstat, parseWin32Netstat, type NetstatRow } from '@/lib/host/netstat';
import { TCP_LISTEN, tcpStateName } from '@/lib/host/procnet';
import { readProcNet } from '@/lib/host/procnet-read';
import type { Connection, PortConnections } from '@/lib/host/listeners/types';
import { isLoopbackAddress } from '@/lib/net';

const SAMPLE_SIZE = 50;

/**
 * Counts non-listening TCP sockets of the local service on `port`, by state: the service's own end (local
 * port = port) and the ends of clients on this machine talking to it (remote = loopback:port). A browser's
 * connections to port 443 of some website are not this service's and are left out.
 */
export function summarizeConnections(
  port: number,
  all: Connection[],
  source: string,
  warnings: string[] = [],
): PortConnections {
  const touching = all.filter(
    (c) =>
      c.state !== 'LISTEN' &&
      (c.localPort === port || (c.remotePort === port && isLoopbackAddress(c.remoteAddress))),
  );
  const byState: PortConnections['byState'] = {};
  for (const c of touching) byState[c.state] = (byState[c.state] ?? 0) + 1;
  return {
    port,
    byState,
    total: touching.length,
    sample: touching.slice(0, SAMPLE_SIZE),
    source,
    partial: warnings.length > 0,
    warnings,
  };
}

function fromNetstat(rows: NetstatRow[]): Connection[] {
  return rows
    .filter((r) => r.protocol === 'tcp' && r.state !== null)
    .map((r) => ({
      state: r.state ?? 'UNKNOWN',
      localAddress: r.localAddress,
      localPort: r.localPort,
      remoteAddress: r.remoteAddress,
      remotePort: r.remotePort,
    }));
}

function linuxConnections(port: number): PortConnections {
  const warnings: string[] = [];
  const connections: Connection[] = [];
  for (const file of ['tcp', 'tcp6']) {
    try {
      // The port filter runs on the raw hex before any address is decoded: busy hosts have 100k rows.
      const rows = readProcNet(`/proc/net/${file}`, { port, withRemote: true });
      if (rows === null && file === 'tcp') warnings.push('/proc/net/tcp does not exist on this system');
      for (const r of rows ?? []) {
        if (r.state === TCP_LISTEN) continue;
        connections.push({
          state: tcpStateName(r.state),
          localAddress: r.localAddress,
          localPort: r.localPort,
          remoteAddress: r.remoteAddress,
          remotePort: r.remotePort,
        });
      }
    } catch (error) {
      warnings.push(`could not read /proc/net/${file}: ${(error as Error).message}`);
    }
  }
  return summarizeConnections(port, connections, '/proc/net/{tcp,tcp6}', warnings);
}

async function netstatConnections(port: number, win32: boolean): Promise<PortConnections> {
  // Windows: `-p tcp` would hide IPv6 rows, so read everything and keep TCP.
  const result = await runCommand('netstat', win32 ? ['-ano'] : ['-an', '-p', 'tcp'], {
    timeoutMs: 5000,
    maxBytes: 32 * 1024 * 1024,
  });
  const warnings =
    result.error || result.code !== 0 ? [`netstat failed: ${result.error ?? result.stderr.trim()}`] : [];
  if (result.truncated) warnings.push('netstat printed more than 32 MB; counts are incomplete');
  const rows = win32 ? parseWin32Netstat(result.stdout) : parseDarwinNetstat(result.stdout);
  return summarizeConnections(
    port,
    fromNetstat(rows),
    win32 ? 'netstat -ano' : 'netstat -an -p tcp',
    warnings,
  );
}

/** TCP sockets (not listeners) on `port`, as either end, counted by state with a sample of up to 50. */
export async function connectionsOnPort(port: number): Promise<PortConnections> {
  if (process.platform === 'linux') return linuxConnections(port);
  if (process.platform === 'darwin' || process.platform === 'win32')
    return netstatConnections(port, process.platform === 'win32');
  return summarizeConnections(port, [], 'none', [
    `counting connections is not supported on ${process.platform} yet`,
  ]);
}
