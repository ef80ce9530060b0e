import 'server-only';
import { host } from '@/lib/host';
import type { HostAdapter } from '@/lib/host/types';

export interface PortFacts {
  port: number;
  ianaRange: 'well-known' | 'registered' | 'dynamic';
  /** Binding this port needs extra rights on this OS (port < privilegedBelow.port). */
  privileged: boolean;
  /** Ports below this need root/CAP_NET_BIND_SERVICE (Linux: net.ipv4.ip_unprivileged_port_start, 0 in many containers). */
  privilegedBelow: { port: number; source: string };
  ephemeral: { low: number; high: number; source: string };
  inEphemeralRange: boolean;
}

export interface EphemeralRange {
  low: number;
  high: number;
  source: string;
}

/** IANA ranges (RFC 6335): 0–1023 well-known, 1024–49151 registered, 49152–65535 dynamic/private. */
export function ianaRange(port: number): PortFacts['ianaRange'] {
  if (port < 1024) return 'well-known';
  if (port < 49152) return 'registered';
  return 'dynamic';
}

export type PrivilegedBelow = PortFacts['privilegedBelow'];

export function portFactsFor(
  port: number,
  ephemeral: EphemeralRange,
  privilegedBelow: PrivilegedBelow,
): PortFacts {
  return {
    port,
    ianaRange: ianaRange(port),
    privileged: port < privilegedBelow.port,
    privilegedBelow,
    ephemeral,
    inEphemeralRange: port >= ephemeral.low && port <= ephemeral.high,
  };
}

/** The range the OS picks source ports from for outgoing connections. */
export function readEphemeralRange(adapter: HostAdapter = host()): Promise<EphemeralRange> {
  return adapter.readEphemeralRange();
}

export async function readPortFacts(port: number, adapter: HostAdapter = host()): Promise<PortFacts> {
  const [ephemeral, privilegedBelow] = await Promise.all([
    adapter.readEphemeralRange(),
    adapter.readPrivilegedBelow(),
  ]);
  return portFactsFor(port, ephemeral, privilegedBelow);
}
