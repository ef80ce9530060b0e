/**
 * Small read-only views over Facts that several checks share, so each check states its rule and nothing
 * else. Pure: no I/O here.
 */
import type { Listener } from '@/lib/host/listeners/types';
import type { Facts, ResolvedAddress } from '@/lib/diagnosis/types';
import type { ConnectAttempt } from '@/lib/probe/types';
import { IPV4_WILDCARD, IPV6_WILDCARD, familyOf, hostPort, unmapIPv4, urlHost } from '@/lib/net';

export function targetAddresses(facts: Facts): ResolvedAddress[] {
  return facts.resolution.status === 'ok' ? facts.resolution.value.addresses : [];
}

/** TCP listeners on the target's port; null when the listener table could not be read. */
export function tcpListeners(facts: Facts): Listener[] | null {
  if (facts.listeners.status !== 'ok') return null;
  return facts.listeners.value.listeners.filter((l) => l.protocol === 'tcp' && l.port === facts.target.port);
}

/**
 * Whether a listener accepts connections to `address`. '::' is treated as dual-stack (Linux's and Node's
 * default, net.ipv6.bindv6only=0), so it also takes IPv4; the connect probe settles the rare v6-only case.
 */
export function listenerServes(listener: Listener, address: string): boolean {
  const wanted = unmapIPv4(address);
  const bound = unmapIPv4(listener.address);
  if (bound === wanted) return true;
  if (bound === IPV4_WILDCARD) return familyOf(wanted) === 'IPv4';
  if (bound === IPV6_WILDCARD || bound === '*') return true;
  return false;
}

export function describeOwner(l: Listener): string {
  if (l.pid === null) return 'a process whose owner could not be read';
  return `${l.process ?? 'a process'} (pid ${l.pid}${l.user ? `, user ${l.user}` : ''})`;
}

export function describeListener(l: Listener): string {
  return `${describeOwner(l)} on ${hostPort(l.address, l.port)}`;
}

export function attempts(facts: Facts): ConnectAttempt[] {
  return facts.probes.status === 'ok' ? facts.probes.value.attempts : [];
}

export function application(facts: Facts) {
  return facts.probes.status === 'ok' ? facts.probes.value.application : null;
}

export function listAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function targetUrl(facts: Facts, scheme: 'http' | 'https' = facts.target.scheme ?? 'http'): string {
  return `${scheme}://${urlHost(facts.target.host)}:${facts.target.port}${facts.target.path}`;
}

/**
 * The loopback address a service for this target should bind: the address typed (127.0.0.2, ::1), or for a
 * name 127.0.0.1 when it resolves there (the conventional choice), else its first address.
 */
export function bindAddressFor(facts: Facts): string {
  if (facts.target.hostKind !== 'name') return facts.target.host;
  const addrs = targetAddresses(facts).map((a) => a.address);
  if (addrs.length === 0 || addrs.includes('127.0.0.1')) return '127.0.0.1';
  return addrs[0]!;
}

/**
 * Whether an existing listener makes a bind to `address` fail with EADDRINUSE: the same address, the wildcard
 * of its family, or '::' (dual-stack by default, so it holds the IPv4 wildcard too).
 */
export function listenerBlocksBind(listener: Listener, address: string): boolean {
  const bound = unmapIPv4(listener.address);
  if (bound === address) return true;
  if (bound === IPV6_WILDCARD || bound === '*') return true;
  if (bound === IPV4_WILDCARD) return familyOf(unmapIPv4(address)) === 'IPv4';
  // A new wildcard bind collides with any specific listener of its family.
  if (address === IPV4_WILDCARD) return familyOf(bound) === 'IPv4';
  return address === IPV6_WILDCARD;
}
