import 'server-only';
import { normalizeTcpState, parseEndpoint } from '@/lib/host/endpoint';
import type { Protocol, TcpState } from '@/lib/host/listeners/types';
import { familyOf, type Family } from '@/lib/net';

/** One socket row of `netstat -an` (macOS) or `netstat -ano` (Windows). */
export interface NetstatRow {
  protocol: Protocol;
  family: Family;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
  /** null for UDP, which has no state column. */
  state: TcpState | null;
  /** Windows prints the owning pid; macOS `netstat -an` does not. */
  pid: number | null;
}

type Endpoint = { address: string; port: number };

function toRow(
  protocol: Protocol,
  family: Family,
  local: Endpoint,
  remote: Endpoint,
  state: TcpState | null,
  pid: number | null,
): NetstatRow {
  return {
    protocol,
    family,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote.address,
    remotePort: remote.port,
    state,
    pid,
  };
}

/**
 * macOS `netstat -an -p tcp` / `-p udp`:
 *   tcp46      0      0  *.3000                 *.*                    LISTEN
 *   tcp4       0      0  127.0.0.1.3000         127.0.0.1.51234        ESTABLISHED
 *   udp4       0      0  *.5353                 *.*
 * tcp46 is an IPv6 socket that also accepts IPv4; the port follows the last '.'.
 */
export function parseDarwinNetstat(text: string): NetstatRow[] {
  const rows: NetstatRow[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const proto = (f[0] ?? '').match(/^(tcp|udp)(4|6|46)$/);
    if (!proto || f.length < 5) continue;
    const family: Family = proto[2] === '4' ? 'IPv4' : 'IPv6';
    const local = parseEndpoint(f[3]!, family, '.');
    const remote = parseEndpoint(f[4]!, family, '.');
    if (!local || !remote) continue;
    const protocol = proto[1] === 'tcp' ? 'tcp' : 'udp';
    rows.push(
      toRow(
        protocol,
        family,
        local,
        remote,
        protocol === 'tcp' && f[5] ? normalizeTcpState(f[5]) : null,
        null,
      ),
    );
  }
  return rows;
}

/**
 * Windows `netstat -ano` (any display language: states are localized, so a listener is recognised by
 * its zero remote port rather than by the word LISTENING):
 *   TCP    [::1]:5432             [::]:0                 LISTENING       4412
 *   UDP    0.0.0.0:5353           *:*                                    2620
 */
export function parseWin32Netstat(text: string): NetstatRow[] {
  const rows: NetstatRow[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    const protocol = f[0] === 'TCP' ? 'tcp' : f[0] === 'UDP' ? 'udp' : null;
    if (!protocol || f.length < (protocol === 'tcp' ? 5 : 4)) continue;
    const family = familyOf(f[1]!.replace(/:[^:]*$/, ''));
    const local = parseEndpoint(f[1]!, family);
    const remote = parseEndpoint(f[2]!, family);
    const pid = Number(f[f.length - 1]);
    if (!local || !remote || !Number.isInteger(pid)) continue;
    const state = protocol === 'tcp' ? (remote.port === 0 ? 'LISTEN' : normalizeTcpState(f[3]!)) : null;
    rows.push(toRow(protocol, family, local, remote, state, pid));
  }
  return rows;
}
