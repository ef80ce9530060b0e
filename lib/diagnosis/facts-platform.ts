import 'server-only';
import { host } from '@/lib/host';
import type { ListenerTable } from '@/lib/host/listeners/types';
import type { HostAdapter } from '@/lib/host/types';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Fact, Facts } from '@/lib/diagnosis/types';

/*
 * Facts about who else may stand between a port and the user's service: WSL, Windows' excluded port
 * ranges, container runtimes. Kept apart from gatherFacts so that file only starts and collects them. Only
 * the OSes that have such a fact have its reader, so asking for the reader is asking the OS.
 */

export type PlatformFacts = Pick<Facts, 'wsl' | 'excludedPorts'>;

/** Independent of the listeners, so the caller starts this before the probes and awaits it after them. */
export async function gatherPlatformFacts(adapter: HostAdapter = host()): Promise<PlatformFacts> {
  const { readWsl, readExcludedPorts } = adapter;
  const [wsl, excludedPorts] = await Promise.all([
    readWsl ? timedFact('/proc/version', 1000, readWsl) : undefined,
    readExcludedPorts
      ? timedFact('netsh int ipv4|ipv6 show excludedportrange protocol=tcp', 4000, readExcludedPorts)
      : undefined,
  ]);
  return { ...(wsl && { wsl }), ...(excludedPorts && { excludedPorts }) };
}

/**
 * Only when some TCP holder of the port has no readable owner: that is exactly when a root-owned
 * docker-proxy hides, and scanning every process's comm costs nothing otherwise.
 */
export async function gatherContainerFacts(
  port: number,
  listeners: Fact<ListenerTable>,
  adapter: HostAdapter = host(),
): Promise<Pick<Facts, 'containerProxies'>> {
  const find = adapter.findContainerProxies;
  if (!find || listeners.status !== 'ok') return {};
  const hidden = listeners.value.listeners.some(
    (l) => l.protocol === 'tcp' && l.port === port && l.pid === null,
  );
  if (!hidden) return {};
  return {
    containerProxies: await timedFact('/proc/<pid>/comm and cmdline of docker-proxy', 1500, () => find(port)),
  };
}
