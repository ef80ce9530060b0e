/** Pure: the container runtimes that hold a port, as the container-holder and port-taken checks describe them. */
import { codeFix, everywhereFixes } from '@/lib/diagnosis/fix';
import { cmd } from '@/lib/shell/script';
import type { Facts, Fix } from '@/lib/diagnosis/types';
import { tcpListeners } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { forwardingHolder } from '@/lib/host/forwarding-holders';

/** One process that publishes the port for a container, as the findings describe it. */
export interface ContainerHolder {
  pid: number | null;
  runtime: string;
  /** Where the traffic goes, when docker-proxy's command line says it ("172.17.0.2:80"). */
  forwardsTo: string | null;
}

/**
 * Container runtimes holding the target's TCP port: listeners whose process is one (docker-proxy,
 * rootlesskit, Docker Desktop…), and, when the owner was hidden, docker-proxy processes whose command
 * line names the port.
 */
export function containerHolders(facts: Facts): ContainerHolder[] {
  const holders: ContainerHolder[] = [];
  const seen = new Set<number>();
  for (const l of tcpListeners(facts) ?? []) {
    const holder = forwardingHolder(l.process, l.command);
    if (holder?.kind !== 'container' || (l.pid !== null && seen.has(l.pid))) continue;
    if (l.pid !== null) seen.add(l.pid);
    holders.push({ pid: l.pid, runtime: holder.runtime, forwardsTo: null });
  }
  const proxies = facts.containerProxies?.status === 'ok' ? facts.containerProxies.value : [];
  for (const p of proxies) {
    const forwardsTo = p.containerIp && p.containerPort ? hostPort(p.containerIp, p.containerPort) : null;
    const known = holders.find((h) => h.pid === p.pid);
    if (known) known.forwardsTo = forwardsTo;
    else holders.push({ pid: p.pid, runtime: 'Docker (docker-proxy)', forwardsTo });
  }
  return holders;
}

/** What to run instead of killing the proxy: find the container, stop it or publish it elsewhere. */
export function containerFixes(port: number, runtimes: string[], freePort: number | null): Fix[] {
  const podman = runtimes.some((r) => /podman/i.test(r)) && !runtimes.some((r) => /docker/i.test(r));
  const cli = podman ? 'podman' : 'docker';
  return [
    ...everywhereFixes(
      'See which container publishes the port',
      cmd(cli, 'ps', '--filter', `publish=${port}`),
    ),
    // Templates with placeholders to fill in, not runnable as they stand: shown as text, built from our values.
    codeFix('any', 'Stop that container (its name or id from the line above)', `${cli} stop <container>`),
    codeFix(
      'any',
      `Or publish the container on another host port${freePort ? ` (${freePort} is free)` : ''}`,
      `${cli} run -p ${freePort ?? port + 1}:<container-port> …`,
    ),
  ];
}
