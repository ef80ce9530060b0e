import 'server-only';
import ipaddr from 'ipaddr.js';
import type { TcpState } from '@/lib/host/listeners/types';
import { parsePort, type Family } from '@/lib/net';
import { TCP_STATES } from '@/lib/host/linux/procnet';

/**
 * Splits the endpoint text tools print: '127.0.0.1:3000', '[::1]:3000', '*:5353' (lsof, Windows
 * netstat), or with separator '.', '127.0.0.1.3000' and '*.3000' (BSD netstat). A '*' address is the
 * wildcard of the given family; a '*' port (a UDP socket's peer) becomes 0.
 */
export function parseEndpoint(
  text: string,
  family: Family,
  separator: ':' | '.' = ':',
): { address: string; port: number } | null {
  const cut = text.lastIndexOf(separator);
  if (cut <= 0) return null;
  let address = text.slice(0, cut);
  const portText = text.slice(cut + 1);
  const port = portText === '*' ? 0 : parsePort(portText);
  if (port === null) return null;
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  if (address === '*') address = family === 'IPv4' ? '0.0.0.0' : '::'; // the wildcard, spelled as on Linux
  return { address, port };
}

/**
 * macOS tools print link-local IPv6 addresses two ways: netstat as 'fe80::1%lo0', lsof in the kernel's
 * KAME form with the interface index inside the address, 'fe80:1::1'. This gives the standard form
 * ('fe80::1%1') for the second; anything else comes back unchanged.
 */
export function unembedScope(address: string): string {
  if (!address.includes(':') || address.includes('%') || !ipaddr.IPv6.isValid(address)) return address;
  const parsed = ipaddr.IPv6.parse(address);
  if (parsed.range() !== 'linkLocal' || parsed.parts[1] === 0) return address;
  const index = parsed.parts[1];
  parsed.parts[1] = 0;
  return `${parsed.toRFC5952String()}%${index}`;
}

/** One spelling per address for matching rows of two tools: no zone, no embedded scope. */
export function addressKey(address: string): string {
  return unembedScope(address).replace(/%.*$/, '');
}

// BSD (macOS) and Windows spell some states differently from Linux; the shared type uses Linux names.
const STATE_ALIASES: Record<string, TcpState> = {
  LISTENING: 'LISTEN',
  SYN_RCVD: 'SYN_RECV',
  SYN_RECEIVED: 'SYN_RECV',
  FIN_WAIT_1: 'FIN_WAIT1',
  FIN_WAIT_2: 'FIN_WAIT2',
  CLOSED: 'CLOSE',
};
const KNOWN_STATES = new Set<string>(TCP_STATES);

/** 'LISTENING' / 'SYN_RCVD' / 'FIN_WAIT_2' → the shared TcpState; anything else is 'UNKNOWN'. */
export function normalizeTcpState(text: string): TcpState {
  const upper = text.toUpperCase();
  const alias = STATE_ALIASES[upper];
  if (alias) return alias;
  return upper !== 'UNKNOWN' && KNOWN_STATES.has(upper) ? (upper as TcpState) : 'UNKNOWN';
}
