/**
 * The home page's "listening right now" rows: one per TCP port and owner, with the address to diagnose.
 * Presentation only — which address the wizard should be pointed at so the link shows this listener.
 */
import type { Listener } from '@/lib/host/listeners/types';
import { IPV4_WILDCARD, IPV6_WILDCARD, familyOf, hostPort, isLoopbackAddress, isWildcard } from '@/lib/net';

export interface ListenerRow {
  key: string;
  port: number;
  addresses: string[];
  pid: number | null;
  process: string | null;
  user: string | null;
  /** What to diagnose to reach this listener from this machine. */
  target: string;
}

/** 0.0.0.0/:: are bind addresses, reached through loopback; an address elsewhere is explained via localhost. */
function reachableAs(address: string, port: number): string {
  if (address === IPV4_WILDCARD || address === '*') return hostPort('127.0.0.1', port);
  if (address === IPV6_WILDCARD) return hostPort('::1', port);
  if (isLoopbackAddress(address)) return hostPort(address, port);
  return `localhost:${port}`;
}

export function listenerRows(listeners: readonly Listener[]): ListenerRow[] {
  const groups = new Map<string, Listener[]>();
  for (const l of listeners) {
    if (l.protocol !== 'tcp') continue;
    const key = `${l.port}-${l.pid ?? 'hidden'}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.entries()]
    .map(([key, ls]) => {
      const first = ls[0]!;
      // Prefer an IPv4 address for the link: it is what most people type.
      const best =
        ls.find((l) => familyOf(l.address) === 'IPv4' && !isWildcard(l.address)) ??
        ls.find((l) => !isWildcard(l.address)) ??
        first;
      return {
        key,
        port: first.port,
        addresses: [...new Set(ls.map((l) => l.address))],
        pid: first.pid,
        process: first.process,
        user: first.user,
        target: reachableAs(best.address, first.port),
      };
    })
    .sort((a, b) => a.port - b.port || (a.pid ?? 0) - (b.pid ?? 0));
}
