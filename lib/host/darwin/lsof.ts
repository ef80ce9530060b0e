import 'server-only';
import { parseEndpoint, unembedScope } from '@/lib/host/endpoint';
import type { SocketRow } from '@/lib/host/listeners/rows';
import type { Protocol } from '@/lib/host/listeners/types';
import type { Family } from '@/lib/net';

/** A socket from `lsof -F`, with what lsof itself knows about the owner. */
export interface LsofSocket extends SocketRow {
  pid: number;
  process: string | null;
  uid: number | null;
  user: string | null;
}

/**
 * Arguments for the listener query. -n/-P keep addresses and ports numeric (no DNS, no /etc/services),
 * +c 0 prints the whole command name instead of 9 characters, and -F prints one field per line
 * (p pid, c command, u uid, L login, f fd, t IPv4/IPv6, P TCP/UDP, n address, T TCP state).
 */
export function lsofListenerArgs(protocols: Protocol[], port?: number): string[] {
  const suffix = port === undefined ? '' : `:${port}`;
  const selectors = protocols.flatMap((p) =>
    p === 'tcp' ? [`-iTCP${suffix}`, '-sTCP:LISTEN'] : [`-iUDP${suffix}`],
  );
  return ['-nP', '+c', '0', ...selectors, '-F', 'pcuLftPnT'];
}

interface ProcessFields {
  pid: number;
  process: string | null;
  uid: number | null;
  user: string | null;
}

interface FileFields {
  type?: string;
  protocol?: string;
  name?: string;
  state?: string;
}

function toSocket(owner: ProcessFields, file: FileFields): LsofSocket | null {
  const protocol = file.protocol === 'TCP' ? 'tcp' : file.protocol === 'UDP' ? 'udp' : null;
  const family: Family | null = file.type === 'IPv4' ? 'IPv4' : file.type === 'IPv6' ? 'IPv6' : null;
  // A name with '->' is a connected socket (a UDP client), not something that accepts traffic.
  if (!protocol || !family || !file.name || file.name.includes('->')) return null;
  if (protocol === 'tcp' && file.state !== undefined && file.state !== 'LISTEN') return null;
  const local = parseEndpoint(file.name, family);
  // Port 0 ('*:*') is a socket that was never bound: nothing can reach it.
  if (!local || local.port === 0) return null;
  return { protocol, family, address: unembedScope(local.address), port: local.port, ...owner };
}

/**
 * Parses `lsof -F pcuLftPnT` output: a 'p' line starts a process, an 'f' line starts one of its
 * files, and every other line is a field of the current one. The same socket reached through two
 * descriptors of one process is reported once.
 */
export function parseLsofListeners(text: string): LsofSocket[] {
  const sockets: LsofSocket[] = [];
  const seen = new Set<string>();
  let owner: ProcessFields | null = null;
  let file: FileFields | null = null;
  const flush = () => {
    const socket = owner && file ? toSocket(owner, file) : null;
    const key = socket && `${socket.pid}|${socket.protocol}|${socket.address}|${socket.port}`;
    if (socket && key && !seen.has(key)) {
      seen.add(key);
      sockets.push(socket);
    }
    file = null;
  };
  for (const line of text.split('\n')) {
    const tag = line[0];
    const value = line.slice(1);
    if (tag === 'p') {
      flush();
      owner = { pid: Number(value), process: null, uid: null, user: null };
    } else if (tag === 'f') {
      flush();
      file = {};
    } else if (file) {
      if (tag === 't') file.type = value;
      else if (tag === 'P') file.protocol = value;
      else if (tag === 'n') file.name = value;
      else if (tag === 'T' && value.startsWith('ST=')) file.state = value.slice(3);
    } else if (owner) {
      if (tag === 'c') owner.process = value;
      else if (tag === 'u') owner.uid = Number(value);
      else if (tag === 'L') owner.user = value;
    }
  }
  flush();
  return sockets;
}
