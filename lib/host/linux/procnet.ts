import 'server-only';
import { endianness } from 'node:os';
import type { TcpState } from '@/lib/host/listeners/types';
import type { Family } from '@/lib/net';

/** One row of /proc/net/{tcp,tcp6,udp,udp6}, decoded. */
export interface ProcNetRow {
  family: Family;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** Kernel state byte: 0x0A is LISTEN for TCP; 0x07 (CLOSE) is an unconnected UDP socket. */
  state: number;
  uid: number;
  /** 0 for sockets no process owns (TIME_WAIT, kernel sockets). */
  inode: number;
}

export const TCP_LISTEN = 0x0a;
export const UDP_UNCONNECTED = 0x07;

// include/net/tcp_states.h: the numbering /proc/net/tcp prints in its `st` column.
export const TCP_STATES: readonly TcpState[] = [
  'UNKNOWN',
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
];

export function tcpStateName(state: number): TcpState {
  return TCP_STATES[state] ?? 'UNKNOWN';
}

// The kernel prints each 32-bit word of the address with %08X in *host* byte order, so on a
// little-endian machine every word's bytes come out reversed relative to network order.
const LITTLE_ENDIAN = endianness() === 'LE';

function wordBytes(hex: string, at: number, littleEndian: boolean): number[] {
  const b = [0, 2, 4, 6].map((i) => parseInt(hex.slice(at + i, at + i + 2), 16));
  return littleEndian ? b.reverse() : b;
}

/** '0100007F' → '127.0.0.1'; 32 hex digits → RFC 5952 IPv6 text ('::1', '::ffff:127.0.0.1'). */
export function decodeHexAddress(hex: string, littleEndian: boolean = LITTLE_ENDIAN): string {
  if (hex.length === 8) return wordBytes(hex, 0, littleEndian).join('.');
  if (hex.length !== 32) throw new TypeError(`not a /proc/net address: ${hex}`);
  const bytes: number[] = [];
  for (let at = 0; at < 32; at += 8) bytes.push(...wordBytes(hex, at, littleEndian));
  return formatIPv6(bytes);
}

/** RFC 5952 text for 16 bytes: lowercase, longest zero run (≥ 2 groups) as '::', IPv4-mapped dotted. */
export function formatIPv6(bytes: readonly number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function splitEndpoint(field: string): [string, number] {
  const colon = field.indexOf(':');
  return [field.slice(0, colon), parseInt(field.slice(colon + 1), 16)];
}

/** The columns we use, still as text: splitting a line fully costs more than reading the file. */
export interface ProcNetFields {
  local: string;
  remote: string;
  state: number;
  uid: number;
  inode: number;
}

/**
 * Picks columns 1, 2, 3, 7 and 9 (local, remote, st, uid, inode) out of a data line; null for the
 * header and for a truncated line. A plain regex split measured faster here than scanning by hand.
 */
export function procNetFields(line: string): ProcNetFields | null {
  const f = line.trim().split(/\s+/, 10);
  if (f.length < 10 || !f[0]!.endsWith(':')) return null;
  const inode = Number(f[9]);
  const state = parseInt(f[3]!, 16);
  if (!Number.isInteger(inode) || Number.isNaN(state)) return null;
  return { local: f[1]!, remote: f[2]!, state, uid: Number(f[7]), inode };
}

/** Port of an endpoint column ('0100007F:0BB8' → 3000), without touching the address. */
export function portOf(endpoint: string): number {
  return parseInt(endpoint.slice(endpoint.indexOf(':') + 1), 16);
}

/** Decodes the addresses of one row; null when they are not a socket row. */
export function decodeProcNetFields(
  f: ProcNetFields,
  littleEndian: boolean = LITTLE_ENDIAN,
): ProcNetRow | null {
  const [localHex, localPort] = splitEndpoint(f.local);
  const [remoteHex, remotePort] = splitEndpoint(f.remote);
  if ((localHex.length !== 8 && localHex.length !== 32) || remoteHex.length !== localHex.length) return null;
  return {
    family: localHex.length === 8 ? 'IPv4' : 'IPv6',
    localAddress: decodeHexAddress(localHex, littleEndian),
    localPort,
    remoteAddress: decodeHexAddress(remoteHex, littleEndian),
    remotePort,
    state: f.state,
    uid: f.uid,
    inode: f.inode,
  };
}

/** Every row of a whole /proc/net/* file (header skipped). */
export function parseProcNet(text: string, littleEndian: boolean = LITTLE_ENDIAN): ProcNetRow[] {
  const rows: ProcNetRow[] = [];
  for (const line of text.split('\n')) {
    const fields = procNetFields(line);
    const row = fields && decodeProcNetFields(fields, littleEndian);
    if (row) rows.push(row);
  }
  return rows;
}
