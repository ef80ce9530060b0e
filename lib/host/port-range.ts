import 'server-only';
import { readFile } from 'node:fs/promises';
import type { PortFacts } from '@/lib/diagnosis/types';

export interface EphemeralRange {
  low: number;
  high: number;
  source: string;
}

// Documented defaults where the range is not a file we can read: macOS/BSD (net.inet.ip.portrange.first/last)
// and Windows Vista+ (netsh int ipv4 show dynamicport tcp) both use the IANA dynamic range.
const DOCUMENTED: Record<string, EphemeralRange> = {
  darwin: { low: 49152, high: 65535, source: 'macOS default (sysctl net.inet.ip.portrange.first/last)' },
  win32: { low: 49152, high: 65535, source: 'Windows default (netsh int ipv4 show dynamicport tcp)' },
};

/** The range the OS picks source ports from for outgoing connections. */
export async function readEphemeralRange(
  platform: NodeJS.Platform = process.platform,
): Promise<EphemeralRange> {
  if (platform === 'linux') {
    const path = '/proc/sys/net/ipv4/ip_local_port_range';
    try {
      const [low, high] = (await readFile(path, 'utf8')).trim().split(/\s+/).map(Number);
      if (Number.isInteger(low) && Number.isInteger(high)) return { low: low!, high: high!, source: path };
    } catch {
      // fall through to the kernel default
    }
    return { low: 32768, high: 60999, source: 'Linux default (ip_local_port_range could not be read)' };
  }
  return DOCUMENTED[platform] ?? { low: 49152, high: 65535, source: 'IANA dynamic range (RFC 6335)' };
}

/** IANA ranges (RFC 6335): 0–1023 well-known, 1024–49151 registered, 49152–65535 dynamic/private. */
export function ianaRange(port: number): PortFacts['ianaRange'] {
  if (port < 1024) return 'well-known';
  if (port < 49152) return 'registered';
  return 'dynamic';
}

export type PrivilegedBelow = PortFacts['privilegedBelow'];

/**
 * Below which port a bind needs extra rights. Linux: net.ipv4.ip_unprivileged_port_start (1024 by default;
 * Docker sets 0 inside containers). macOS: 1024 for a specific address such as 127.0.0.1 (since Mojave the
 * wildcard needs no root). Windows: no such ports.
 */
export async function readPrivilegedBelow(
  platform: NodeJS.Platform = process.platform,
): Promise<PrivilegedBelow> {
  if (platform === 'win32') return { port: 0, source: 'Windows has no privileged ports' };
  if (platform === 'darwin')
    return { port: 1024, source: 'macOS: ports below 1024 on a specific address need root' };
  const path = '/proc/sys/net/ipv4/ip_unprivileged_port_start';
  try {
    const n = Number((await readFile(path, 'utf8')).trim());
    if (Number.isInteger(n)) return { port: n, source: path };
  } catch {
    // older kernels (before 4.11) have no such setting: the classic 1024 applies
  }
  return { port: 1024, source: 'Linux default (ip_unprivileged_port_start could not be read)' };
}

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

export async function readPortFacts(port: number): Promise<PortFacts> {
  const [ephemeral, privilegedBelow] = await Promise.all([readEphemeralRange(), readPrivilegedBelow()]);
  return portFactsFor(port, ephemeral, privilegedBelow);
}
