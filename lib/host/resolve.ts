import 'server-only';
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { host as hostAdapter } from '@/lib/host';
import { lookupHostsFile } from '@/lib/host/hosts-file';

export interface ResolvedAddress {
  address: string;
  family: 'IPv4' | 'IPv6';
}

export interface Resolution {
  host: string;
  /** Every address, in the order the OS resolver returned them. */
  addresses: ResolvedAddress[];
  /** Addresses a loopback name (localhost, *.localhost) resolved to that are not loopback: never probed. */
  ignored?: ResolvedAddress[];
}

/**
 * Every address the OS resolver gives for `host`, in its order (verbatim: the order a client like curl or
 * Node's fetch would try). IP literals resolve to themselves without asking anyone. The OS resolver may ask
 * DNS: callers decide first whether this name may leave the machine (lib/security/target-policy.ts).
 */
export async function resolveHost(host: string): Promise<Resolution> {
  const kind = net.isIP(host);
  if (kind) return { host, addresses: [{ address: host, family: kind === 6 ? 'IPv6' : 'IPv4' }] };
  const found = await lookup(host, { all: true, order: 'verbatim' });
  const seen = new Set<string>();
  const addresses: Resolution['addresses'] = [];
  for (const a of found) {
    if (seen.has(a.address)) continue;
    seen.add(a.address);
    addresses.push({ address: a.address, family: a.family === 6 ? 'IPv6' : 'IPv4' });
  }
  return { host, addresses };
}

/**
 * `host` as this machine's hosts file alone answers it, with no resolver and so no DNS query. An unreadable
 * (or missing) hosts file knows no names.
 */
export async function resolveFromHostsFile(
  host: string,
  file = hostAdapter().hostsFilePath(),
): Promise<{ file: string; resolution: Resolution }> {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    text = '';
  }
  return { file, resolution: { host, addresses: lookupHostsFile(text, host) } };
}
