import { IPV4_WILDCARD, IPV6_WILDCARD, hostPort, isIPv4Address, isValidPort, unmapIPv4 } from '@/lib/net';

/** What the user typed, parsed: where to look and how it was understood. */
export interface Target {
  /** The text as typed (trimmed). */
  input: string;
  /** Host to resolve and probe: '127.0.0.1', '::1', 'localhost', 'api.localhost'. */
  host: string;
  hostKind: 'ipv4' | 'ipv6' | 'name';
  port: number;
  /** Scheme the user typed, if any. */
  scheme: 'http' | 'https' | null;
  /** Path the user typed ('/' when none); the HTTP probe requests it. */
  path: string;
  /** Canonical spelling to show and to put in commands: '127.0.0.1:62893', '[::1]:8080', 'localhost:3000'. */
  display: string;
  /** How the input was read when it was not literal: bind addresses, short or numeric loopback spellings. */
  notes: string[];
}

export type ParseResult =
  { ok: true; target: Target } | { ok: false; error: { code: 'invalid-target'; message: string } };

const EXPECTED =
  'Type an address with a port, like 127.0.0.1:62893, localhost:3000, [::1]:8080, http://localhost:5173/path, :5000 or just 62893.';

function invalid(reason: string): ParseResult {
  return { ok: false, error: { code: 'invalid-target', message: `${reason} ${EXPECTED}` } };
}

/**
 * Hosts that name "every interface" to a server: not a place to connect to, but reached through loopback.
 * People type them after copying a server's "listening on 0.0.0.0" line.
 */
const BIND_ANY: Record<string, { host: string; note: string }> = {
  [IPV4_WILDCARD]: {
    host: '127.0.0.1',
    note: '0.0.0.0 is a bind address ("listen on every IPv4 interface"), not a destination; on this machine it is reached as 127.0.0.1.',
  },
  [IPV6_WILDCARD]: {
    host: '::1',
    note: ':: is a bind address ("listen on every IPv6 interface"), not a destination; on this machine it is reached as ::1.',
  },
};

/** The host part as typed (before URL normalisation), to explain short or numeric spellings. */
function typedHost(rest: string): string {
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  if (hostPort.startsWith('[')) return hostPort.slice(1, hostPort.indexOf(']') >>> 0);
  const colon = hostPort.lastIndexOf(':');
  return colon >= 0 ? hostPort.slice(0, colon) : hostPort;
}

/**
 * Reads what a person typed into a Target. The URL parser browsers use (WHATWG) does the host parsing, so
 * every spelling a browser accepts (127.1, 2130706433, 0x7f000001, [::ffff:127.0.0.1]) means here exactly
 * what it means in the address bar. Whether the target may be probed is decided elsewhere (target policy).
 */
export function parseTarget(text: string): ParseResult {
  const input = text.trim();
  if (!input) return invalid('The address is empty.');
  if (input.length > 2048) return invalid('That address is too long.');
  if (/\s/.test(input)) return invalid(`"${input.slice(0, 60)}" contains spaces.`);

  // A bare port, or ":port": the service on this machine, as a browser would reach it.
  const bare = input.match(/^:?(\d{1,5})$/);
  let scheme: Target['scheme'] = null;
  let rest = input;
  if (bare) {
    rest = `localhost:${bare[1]}`;
  } else {
    const m = input.match(/^([a-z][a-z0-9+.-]*):\/\/(.*)$/i);
    if (m) {
      const s = m[1]!.toLowerCase();
      if (s !== 'http' && s !== 'https') return invalid(`"${s}://" is not something this tool can open.`);
      scheme = s;
      rest = m[2]!;
    }
  }
  let url: URL;
  try {
    url = new URL(`${scheme ?? 'http'}://${rest}`);
  } catch {
    return invalid(`"${input.slice(0, 80)}" is not an address.`);
  }
  const portText = url.port || (scheme === 'https' ? '443' : scheme === 'http' ? '80' : '');
  if (!portText) {
    // URL drops a port equal to the scheme default (localhost:80); tell that apart from "no port at all".
    const typedPort = typedAuthority(rest).match(/:(\d+)$/);
    if (typedPort && Number(typedPort[1]) === 80) return buildTarget(input, url, 80, scheme, rest);
    return invalid(`"${input.slice(0, 80)}" has no port.`);
  }
  const port = Number(portText);
  if (!isValidPort(port)) return invalid(`Port ${portText} is outside 1–65535.`);
  return buildTarget(input, url, port, scheme, rest);
}

function typedAuthority(rest: string): string {
  return rest.split(/[/?#]/, 1)[0] ?? '';
}

function buildTarget(
  input: string,
  url: URL,
  port: number,
  scheme: Target['scheme'],
  rest: string,
): ParseResult {
  if (typedAuthority(rest).includes('@'))
    return invalid('Addresses with a user name or password ("user@host") are not accepted.');
  let host = url.hostname;
  let hostKind: Target['hostKind'] = 'name';
  if (host.startsWith('[')) {
    host = host.slice(1, -1);
    hostKind = 'ipv6';
  } else if (isIPv4Address(host)) {
    hostKind = 'ipv4';
  }
  if (!host) return invalid(`"${input.slice(0, 80)}" has no host.`);
  if (hostKind === 'name' && !isHostName(host))
    return invalid(
      `"${typedHost(rest).slice(0, 80)}" is not a host name: a name is labels of letters, digits and hyphens separated by dots (like localhost or api.localhost).`,
    );
  const notes: string[] = [];
  const typed = typedHost(rest).toLowerCase();
  if (hostKind === 'ipv6') {
    // An IPv4-mapped IPv6 address is the IPv4 address in disguise: listeners and probes see the IPv4 one.
    const v4 = unmapIPv4(host);
    if (v4 !== host) {
      notes.push(
        `[${typed}] is the IPv4 address ${v4} written as IPv6 (IPv4-mapped); it is checked as ${v4}.`,
      );
      host = v4;
      hostKind = 'ipv4';
    }
  }
  const bind = BIND_ANY[host];
  if (bind) {
    notes.push(bind.note);
    host = bind.host;
  } else if (hostKind === 'ipv4' && typed !== host && notes.length === 0) {
    notes.push(`${typed} is another way to write ${host}; browsers and this tool read it as ${host}.`);
  }
  const path = url.pathname + url.search || '/';
  return {
    ok: true,
    target: { input, host, hostKind, port, scheme, path, display: hostPort(host, port), notes },
  };
}

/**
 * A DNS host name after WHATWG URL has lowercased it and turned any Unicode (IDNA) into punycode: labels of
 * letters, digits and hyphens, none starting or ending with a hyphen, each at most 63 characters, at most 253
 * in all, one trailing dot allowed. URL alone lets `$ ( ) ; & ` { }` through in a host, and a host is a word
 * in every command we show. Underscores are accepted: not valid in DNS host names, but real in container and
 * compose service names people type (`my_db:5432`), and no shell reads `_` specially.
 */
function isHostName(host: string): boolean {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((label) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(label));
}
