import 'server-only';
import { listListeners } from '@/lib/host/listeners';
import { forTerminal } from '@/lib/text/outside';

/**
 * "held by node (pid 812, `next dev`)" — who holds a TCP port, from our own listener lookup. Printed on
 * the terminal at start, so the process' own name and arguments are made terminal-safe.
 */
export async function describeHolder(port: number): Promise<string> {
  const table = await listListeners({ port, protocols: ['tcp'] }).catch(() => null);
  const holder = table?.listeners.find((l) => l.protocol === 'tcp' && l.port === port);
  if (!holder) return 'taken (its owner could not be read)';
  if (holder.pid === null)
    return `held by a process whose owner could not be read (${holder.address}; run with sudo to see it)`;
  const command = holder.command === null ? null : forTerminal(holder.command);
  const cmd = command ? `, \`${command.length > 80 ? command.slice(0, 77) + '…' : command}\`` : '';
  return `held by ${forTerminal(holder.process ?? 'a process')} (pid ${holder.pid}${cmd})`;
}
