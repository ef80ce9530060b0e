import 'server-only';
import { runCommand } from '@/lib/exec';
import { parseDarwinNetstat, parseWin32Netstat, type NetstatRow } from '@/lib/host/netstat';
import { host } from '@/lib/host';
import type { Connection, PortConnections } from '@/lib/host/listeners/types';
import type { HostAdapter } from '@/lib/host/types';
import { isLoopbackAddress } from '@/lib/net';
import { isOwnConnection } from '@/lib/host/own-connections';

const SAMPLE_SIZE = 50;

/**
 * Counts non-listening TCP sockets of the local service on `port`, by state: the service's own end (local
 * port = port) and the ends of clients on this machine talking to it (remote = loopback:port). A browser's
 * connections to port 443 of some website are not this service's and are left out, and so are the
 * sockets of this doctor's own earlier probes (their TIME_WAIT would pass for the service's traffic).
 */
export function summarizeConnections(
  port: number,
  all: Connection[],
  source: string,
  warnings: string[] = [],
): PortConnections {
  const onPort = all.filter(
    (c) =>
      c.state !== 'LISTEN' &&
      (c.localPort === port || (c.remotePort === port && isLoopbackAddress(c.remoteAddress))),
  );
  const touching = onPort.filter((c) => !isOwnConnection(port, c));
  const own = onPort.length - touching.length;
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
    ...(own > 0 ? { ownProbesLeftOut: own } : {}),
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

/** Darwin and Windows: netstat's table, in the spelling of that OS's netstat. */
export async function netstatConnections(
  port: number,
  variant: 'darwin' | 'win32',
): Promise<PortConnections> {
  const win32 = variant === 'win32';
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
export function connectionsOnPort(port: number, adapter: HostAdapter = host()): Promise<PortConnections> {
  return adapter.connectionsOnPort(port);
}
