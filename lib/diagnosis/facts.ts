import 'server-only';
import { connectionsOnPort } from '@/lib/host/connections';
import { readFirewall } from '@/lib/host/firewall';
import { listListeners } from '@/lib/host/listeners';
import type { ListenerTable, ListListenersOptions } from '@/lib/host/listeners/types';
import { readPortFacts } from '@/lib/host/port-range';
import { selfIdentity } from '@/lib/host/self';
import { probeTarget, probeTargetDeadlineMs } from '@/lib/probe';
import type { ProbeTimeouts } from '@/lib/probe/types';
import { DEFAULT_PROBE_TIMEOUTS } from '@/lib/probe/types';
import { gatherContainerFacts, gatherPlatformFacts } from '@/lib/diagnosis/facts-platform';
import { historyFact } from '@/lib/diagnosis/facts-history';
import { proxyConfigFact } from '@/lib/diagnosis/facts-proxy';
import { freePortFact } from '@/lib/diagnosis/facts-free-port';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Fact, Facts, Intent, PortFacts, Probes, Resolution } from '@/lib/diagnosis/types';
import type { Target } from '@/lib/target';

export interface GatherOptions {
  intent?: Intent;
  timeouts?: Partial<ProbeTimeouts>;
}

/** The one place outside the host adapter chooser that asks which OS this is. */
export function hostPlatform(): Facts['platform'] {
  return process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
}

/** The listening sockets a query asks for, under the deadline every diagnosis gives them. */
export function listenersFact(query: ListListenersOptions): Promise<Fact<ListenerTable>> {
  return timedFact('listening sockets', 4000, () => listListeners(query));
}

/** What this OS does with one port number (privileged, ephemeral), under the diagnosis' deadline. */
export function portRangesFact(port: number): Promise<Fact<PortFacts>> {
  return timedFact('port ranges', 1000, () => readPortFacts(port));
}

/** Connect to every resolved address, then ask the first open one what it speaks, as the target asks. */
export function probeResolvedTarget(
  target: Target,
  resolution: Fact<Resolution>,
  timeouts?: Partial<ProbeTimeouts>,
  owner?: Promise<string | null>,
): Promise<Probes> {
  const addresses = resolution.status === 'ok' ? resolution.value.addresses : [];
  return probeTarget(addresses, target.port, {
    hostHeader: target.display,
    path: target.path,
    preferTls: target.scheme === 'https',
    timeouts,
    owner,
  });
}

/**
 * The one process name behind the port's TCP listeners, or null (unreadable, or two different programs):
 * it tells the probe which harmless request a client-first server (Redis, PostgreSQL) understands.
 */
export function ownerName(listeners: Fact<ListenerTable>, port: number): string | null {
  if (listeners.status !== 'ok') return null;
  const names = new Set(
    listeners.value.listeners.filter((l) => l.protocol === 'tcp' && l.port === port).map((l) => l.process),
  );
  const [only] = names;
  return names.size === 1 && only ? only : null;
}

/**
 * Everything the checks need about one target, read in parallel, each source under its own deadline, so a
 * diagnosis takes about as long as its slowest probe and never longer than the probe timeouts plus a little.
 */
export async function gatherFacts(
  target: Target,
  resolution: Fact<Resolution>,
  options: GatherOptions = {},
): Promise<Facts> {
  const timeouts = { ...DEFAULT_PROBE_TIMEOUTS, ...options.timeouts };
  // The probes bound themselves; this outer deadline only catches a bug, so it sits just above theirs.
  const probeBudget = probeTargetDeadlineMs(timeouts) + 300;
  const addresses = resolution.status === 'ok' ? resolution.value.addresses : [];
  const intent = options.intent ?? 'reach';
  // What waits on other processes starts first (the connect, the firewall tools), so the synchronous
  // /proc reads behind the listener table run while those are in flight, not before them.
  let ownerKnown: (name: string | null) => void = () => {};
  const owner = new Promise<string | null>((resolve) => (ownerKnown = resolve));
  const probesP = timedFact(
    `TCP connect to ${addresses.length} address(es), then an application probe`,
    probeBudget,
    () => probeResolvedTarget(target, resolution, timeouts, owner),
  );
  const firewallP = timedFact('firewall rules', 5000, () => readFirewall());
  const platformFacts = gatherPlatformFacts(); // WSL, Windows excluded ports: in parallel with the probes
  const listenersP = listenersFact({ port: target.port });
  void listenersP.then((l) => ownerKnown(ownerName(l, target.port)));
  const portP = portRangesFact(target.port);
  // These need the listener table, so they start as soon as it is read, still alongside the probes.
  const containersP = listenersP.then((l) => gatherContainerFacts(target.port, l));
  const proxyP = listenersP.then((l) => proxyConfigFact(l, target.port));
  const historyP = listenersP.then((l) => historyFact(target, l));
  const freePortP = Promise.all([listenersP, portP]).then(([l, port]) =>
    freePortFact(target.port, intent, l, port, selfIdentity().uid === 0),
  );
  const [listeners, probes, port, connections, firewall, freePort, containers, platformValues, proxy] =
    await Promise.all([
      listenersP,
      probesP,
      portP,
      timedFact('TCP connections on the port', 4000, () => connectionsOnPort(target.port)),
      firewallP,
      freePortP,
      containersP,
      platformFacts,
      proxyP,
    ]);
  const history = await historyP; // started with the listeners, read alongside the probes
  return {
    target,
    intent,
    platform: hostPlatform(),
    gatheredAt: new Date().toISOString(),
    resolution,
    listeners,
    probes,
    port,
    connections,
    firewall,
    self: selfIdentity(),
    freePort,
    ...platformValues,
    ...containers,
    ...(proxy ? { proxyConfig: proxy } : {}),
    history,
  };
}
