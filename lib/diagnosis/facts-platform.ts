import 'server-only';
import { findDockerProxies } from '@/lib/host/linux/docker-proxies';
import { readExcludedPortRanges } from '@/lib/host/win32/excluded-ports';
import type { ListenerTable } from '@/lib/host/listeners/types';
import { readWslInfo } from '@/lib/host/linux/wsl';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Fact, Facts } from '@/lib/diagnosis/types';

/*
 * Facts about who else may stand between a port and the user's service: WSL, Windows' excluded port
 * ranges, container runtimes. Kept apart from gatherFacts so that file only starts and collects them.
 */

export type PlatformFacts = Pick<Facts, 'wsl' | 'excludedPorts'>;

/** Independent of the listeners, so the caller starts this before the probes and awaits it after them. */
export async function gatherPlatformFacts(
  platform: NodeJS.Platform = process.platform,
): Promise<PlatformFacts> {
  if (platform === 'linux') return { wsl: await timedFact('/proc/version', 1000, () => readWslInfo()) };
  if (platform === 'win32')
    return {
      excludedPorts: await timedFact(
        'netsh int ipv4|ipv6 show excludedportrange protocol=tcp',
        4000,
        readExcludedPortRanges,
      ),
    };
  return {};
}

/**
 * Linux only, and only when some TCP holder of the port has no readable owner: that is exactly when a
 * root-owned docker-proxy hides, and scanning every process's comm costs nothing otherwise.
 */
export async function gatherContainerFacts(
  port: number,
  listeners: Fact<ListenerTable>,
  platform: NodeJS.Platform = process.platform,
): Promise<Pick<Facts, 'containerProxies'>> {
  if (platform !== 'linux' || listeners.status !== 'ok') return {};
  const hidden = listeners.value.listeners.some(
    (l) => l.protocol === 'tcp' && l.port === port && l.pid === null,
  );
  if (!hidden) return {};
  return {
    containerProxies: await timedFact('/proc/<pid>/comm and cmdline of docker-proxy', 1500, async () =>
      findDockerProxies(port),
    ),
  };
}
