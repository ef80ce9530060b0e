import { unbracket } from '@/lib/net/address';

/** A host as it goes into a URL or an `address:port` word: IPv6 literals in brackets ('[::1]'). */
export function urlHost(host: string): string {
  const bare = unbracket(host);
  return bare.includes(':') ? `[${bare}]` : bare;
}

/** '127.0.0.1:80', '[::1]:80', 'localhost:80': the one spelling of host and port together. */
export function hostPort(host: string, port: number): string {
  return `${urlHost(host)}:${port}`;
}
