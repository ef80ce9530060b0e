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

export function portFactsFor(port: number, ephemeral: EphemeralRange): PortFacts {
  return {
    port,
    ianaRange: ianaRange(port),
    // Below 1024 binding needs root or CAP_NET_BIND_SERVICE on Linux (unless net.ipv4.ip_unprivileged_port_start
    // is lowered); macOS since Mojave and Windows let anyone bind them.
    privileged: port < 1024,
    ephemeral,
    inEphemeralRange: port >= ephemeral.low && port <= ephemeral.high,
  };
}

export async function readPortFacts(port: number): Promise<PortFacts> {
  return portFactsFor(port, await readEphemeralRange());
}
