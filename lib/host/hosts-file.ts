import net from 'node:net';
import type { ResolvedAddress } from '@/lib/host/resolve';

const canonical = (name: string) => name.toLowerCase().replace(/\.$/, '');

/**
 * Every address the hosts file gives `name`, in file order, each once. Lines are `address name [alias…]`;
 * `#` starts a comment; a line whose first field is not an IP address is skipped, as the resolvers do.
 */
export function lookupHostsFile(text: string, name: string): ResolvedAddress[] {
  const wanted = canonical(name);
  if (!wanted) return [];
  const seen = new Set<string>();
  const out: ResolvedAddress[] = [];
  for (const line of text.split(/\r?\n/)) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!address || names.length === 0) continue;
    const family = net.isIP(address);
    if (family === 0 || seen.has(address)) continue;
    if (!names.some((n) => canonical(n) === wanted)) continue;
    seen.add(address);
    out.push({ address, family: family === 6 ? 'IPv6' : 'IPv4' });
  }
  return out;
}
