import 'server-only';
import { summarizeConnections } from '@/lib/host/connections';
import { TCP_LISTEN, tcpStateName } from '@/lib/host/linux/procnet';
import { readProcNetAsync } from '@/lib/host/linux/procnet-read';
import type { Connection, PortConnections } from '@/lib/host/listeners/types';

export async function linuxConnections(port: number): Promise<PortConnections> {
  const warnings: string[] = [];
  const connections: Connection[] = [];
  const files = ['tcp', 'tcp6'];
  // Both files at once, in the thread pool: each read walks the kernel's whole connection hash.
  const reads = files.map((file) =>
    readProcNetAsync(`/proc/net/${file}`, { port, withRemote: true }).then(
      (rows) => ({ rows, error: null }),
      (error: Error) => ({ rows: null, error }),
    ),
  );
  for (const [i, file] of files.entries()) {
    try {
      // The port filter runs on the raw hex before any address is decoded: busy hosts have 100k rows.
      const { rows, error } = await reads[i]!;
      if (error) throw error;
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
