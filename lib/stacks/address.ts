/** Host spellings for command lines: bracketed IPv6 where a program takes host:port as one word. */

export function bareHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

export function isIPv6Host(host: string): boolean {
  return bareHost(host).includes(':');
}

/** '127.0.0.1:8000', '[::1]:8000' — for programs that parse one host:port word (runserver, php -S, gunicorn). */
export function joinHostPort(host: string, port: number): string {
  const h = bareHost(host);
  return h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`;
}
