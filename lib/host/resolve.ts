import 'server-only';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { Resolution } from '@/lib/diagnosis/types';

/**
 * Every address the OS resolver gives for `host`, in its order (verbatim: the order a client like curl or
 * Node's fetch would try). IP literals resolve to themselves without asking anyone.
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
