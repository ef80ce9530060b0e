import 'server-only';
import { readFileSync } from 'node:fs';
import type { EphemeralRange, PrivilegedBelow } from '@/lib/host/port-range';

// Read synchronously: a one-line sysctl file costs microseconds, the fs thread pool behind a busy
// diagnosis milliseconds, and the value must be fresh (sysctl -w changes it at any time).
export async function readLinuxEphemeralRange(): Promise<EphemeralRange> {
  const path = '/proc/sys/net/ipv4/ip_local_port_range';
  try {
    const [low, high] = readFileSync(path, 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return { low: low!, high: high!, source: path };
  } catch {
    // fall through to the kernel default
  }
  return { low: 32768, high: 60999, source: 'Linux default (ip_local_port_range could not be read)' };
}

/** net.ipv4.ip_unprivileged_port_start: 1024 by default; Docker sets 0 inside containers. */
export async function readLinuxPrivilegedBelow(): Promise<PrivilegedBelow> {
  const path = '/proc/sys/net/ipv4/ip_unprivileged_port_start';
  try {
    const n = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(n)) return { port: n, source: path };
  } catch {
    // older kernels (before 4.11) have no such setting: the classic 1024 applies
  }
  return { port: 1024, source: 'Linux default (ip_unprivileged_port_start could not be read)' };
}
