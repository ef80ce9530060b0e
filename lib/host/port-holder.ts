import 'server-only';
import { listListeners } from '@/lib/host/listeners';

/** "held by node (pid 812, `next dev`)" — who holds a TCP port, from our own listener lookup. */
export async function describeHolder(port: number): Promise<string> {
  const table = await listListeners({ port, protocols: ['tcp'] }).catch(() => null);
  const holder = table?.listeners.find((l) => l.protocol === 'tcp' && l.port === port);
  if (!holder) return 'taken (its owner could not be read)';
  if (holder.pid === null)
    return `held by a process whose owner could not be read (${holder.address}; run with sudo to see it)`;
  const cmd = holder.command
    ? `, \`${holder.command.length > 80 ? holder.command.slice(0, 77) + '…' : holder.command}\``
    : '';
  return `held by ${holder.process ?? 'a process'} (pid ${holder.pid}${cmd})`;
}
