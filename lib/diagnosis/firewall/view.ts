/** Pure helpers the firewall checks share: the packet a local client sends, and what happened to it. */
import type { Facts } from '@/lib/diagnosis/types';
import type { FirewallFacts } from '@/lib/host/firewall/types';
import type { ConnectAttempt } from '@/lib/probe/types';
import { findFirewallBlock, type Packet } from '@/lib/diagnosis/firewall/match';
import {
  attempts,
  describeOwner,
  listAnd,
  listenerServes,
  targetAddresses,
  tcpListeners,
} from '@/lib/diagnosis/view';
import { familyOf, hostPort, isLoopbackAddress, unmapIPv4 } from '@/lib/net';

const LOOPBACK_IFACE: Record<Facts['platform'], string> = { linux: 'lo', darwin: 'lo0', win32: 'loopback' };

/** The connection request a local client sends to `address`: from loopback (or the address itself), over loopback. */
export function packetTo(facts: Facts, address: string): Packet {
  const family = familyOf(unmapIPv4(address)) === 'IPv6' ? 'ipv6' : 'ipv4';
  const loopback = isLoopbackAddress(address);
  return {
    family,
    // Linux and macOS pick 127.0.0.1 as the source for any 127/8 destination.
    source: loopback ? (family === 'ipv6' ? '::1' : '127.0.0.1') : address,
    destination: address,
    dport: facts.target.port,
    iface: LOOPBACK_IFACE[facts.platform],
  };
}

/** Local addresses the connection failed on (or was not tried on), each with the firewall's answer. */
export function blockedAddresses(facts: Facts, firewall: FirewallFacts) {
  const tried = attempts(facts);
  const seen = new Set<string>();
  return targetAddresses(facts)
    .filter((a) => isLoopbackAddress(a.address) && !seen.has(a.address) && seen.add(a.address))
    .map((a) => ({ address: a.address, attempt: tried.find((t) => t.address === a.address) ?? null }))
    .filter((x) => x.attempt?.outcome !== 'open')
    .map((x) => ({ ...x, result: findFirewallBlock(firewall, packetTo(facts, x.address)) }));
}

const OUTCOME: Partial<Record<ConnectAttempt['outcome'], string>> = {
  timeout: 'timed out',
  refused: 'was refused',
  reset: 'was reset',
  unreachable: 'was unreachable',
};

/** "Connecting to 127.0.0.1:5000 timed out after 1502 ms although node (pid 8, user dev) listens on 127.0.0.1:5000". */
export function whatHappened(facts: Facts, address: string, attempt: ConnectAttempt | null): string {
  const where = hostPort(address, facts.target.port);
  const serving = (tcpListeners(facts) ?? []).filter((l) => listenerServes(l, address));
  const how = attempt ? OUTCOME[attempt.outcome] : undefined;
  const happened = how
    ? `Connecting to ${where} ${how} after ${Math.round(attempt!.timeMs)} ms`
    : `Connections to ${where}`;
  if (serving.length > 0)
    return `${happened} although ${listAnd(serving.map((l) => `${describeOwner(l)} listens on ${hostPort(l.address, l.port)}`))}`;
  return `${happened}, and nothing listens on port ${facts.target.port} yet; even once something does`;
}
