/**
 * Which reverse proxy answered, and where its config says it forwards. Pure: the caller passes the
 * Server header, the listener's command line and the config text that lib/diagnosis/facts-proxy read.
 */
import type { Listener } from '@/lib/host/listeners/types';
import { recognise, splitCommandString } from '@/lib/stacks';
import { optionValue } from '@/lib/stacks/args';

export type ProxyName = 'nginx' | 'Caddy' | 'Apache' | 'Envoy' | 'Traefik' | 'HAProxy';

const BY_SERVER: readonly [RegExp, ProxyName][] = [
  [/^nginx\b/i, 'nginx'],
  [/^openresty\b/i, 'nginx'],
  [/^caddy\b/i, 'Caddy'],
  [/^apache\b/i, 'Apache'],
  [/^envoy\b/i, 'Envoy'],
  [/^traefik\b/i, 'Traefik'],
  [/^haproxy\b/i, 'HAProxy'],
];
const BY_PROCESS: Readonly<Record<string, ProxyName>> = {
  nginx: 'nginx',
  caddy: 'Caddy',
  apache2: 'Apache',
  httpd: 'Apache',
  envoy: 'Envoy',
  traefik: 'Traefik',
  haproxy: 'HAProxy',
};
const BY_STACK: Readonly<Record<string, ProxyName>> = { nginx: 'nginx', caddy: 'Caddy', apache: 'Apache' };

/** The proxy that answered, told by its Server header first, else by the program that holds the port. */
export function proxyBehind(server: string | null, owners: readonly Listener[]): ProxyName | null {
  const header = server?.trim() ?? '';
  for (const [re, name] of BY_SERVER) if (re.test(header)) return name;
  for (const l of owners) {
    const stack = recognise({ argv: l.argv, command: l.command, executable: l.executable })?.match.id;
    if (stack && BY_STACK[stack]) return BY_STACK[stack];
    if (l.process && BY_PROCESS[l.process]) return BY_PROCESS[l.process];
  }
  return null;
}

/** The proxies whose config the doctor reads to name the upstream. */
export type ConfiguredProxy = 'nginx' | 'Caddy' | 'Apache';

const stackOf = (l: Listener) =>
  recognise({ argv: l.argv, command: l.command, executable: l.executable })?.match.id;

/**
 * The proxy holding the port whose config can be read: the nginx master, else a `caddy run`, else an
 * Apache (its workers are forked from the parent without exec, so any of them carries the same words).
 */
export function configuredProxy(
  owners: readonly Listener[],
): { proxy: ConfiguredProxy; owner: Listener } | null {
  const nginx = nginxOwner(owners);
  if (nginx) return { proxy: 'nginx', owner: nginx };
  const caddy = owners.find((l) => stackOf(l) === 'caddy');
  if (caddy) return { proxy: 'Caddy', owner: caddy };
  const apache = owners.find((l) => stackOf(l) === 'apache');
  return apache ? { proxy: 'Apache', owner: apache } : null;
}

/** The nginx master among the owners (its title keeps the words it was started with), or any nginx. */
export function nginxOwner(owners: readonly Listener[]): Listener | null {
  const nginxes = owners.filter((l) => stackOf(l) === 'nginx');
  const master = (l: Listener) => /^nginx: master process/.test(l.argv?.join(' ') ?? l.command ?? '');
  return nginxes.find(master) ?? nginxes[0] ?? null;
}

export interface ConfigFile {
  path: string;
  from: 'command line' | 'default';
}

/**
 * The config file an nginx master reads: its `-c` (relative to its `-p` prefix, as nginx resolves it), or
 * Debian's default. The master's title is "nginx: master process /usr/sbin/nginx -c /x.conf".
 */
export function nginxConfigFile(owner: Listener): ConfigFile {
  const title = (owner.argv?.join(' ') ?? owner.command ?? '').match(/^nginx: master process\s*(.*)$/);
  const words = title
    ? splitCommandString(title[1]!)
    : (owner.argv ?? splitCommandString(owner.command ?? ''));
  const conf = optionValue(words, ['-c'], 1);
  if (!conf) return { path: '/etc/nginx/nginx.conf', from: 'default' };
  if (conf.startsWith('/')) return { path: conf, from: 'command line' };
  const prefix = optionValue(words, ['-p'], 1) ?? '/usr/share/nginx/';
  return { path: `${prefix.replace(/\/?$/, '/')}${conf}`, from: 'command line' };
}

export interface Upstream {
  host: string;
  port: number;
  /** The line that names it (proxy_pass, reverse_proxy, ProxyPass…) as written (capped), to quote back. */
  line: string;
}

function stripComments(text: string): string {
  return text.replace(/#[^\n]*/g, '');
}

export function hostAndPort(spec: string, defaultPort: number): { host: string; port: number } | null {
  const m = spec.match(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/);
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : defaultPort;
  if (port < 1 || port > 65535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/**
 * Where `proxy_pass` lines send requests: `http://127.0.0.1:8001`, `http://[::1]:9000/api/`, or a named
 * `upstream app { server 127.0.0.1:8001; }` block's servers. Unix sockets and $variables are left out
 * (no address to look up). Each address once, in the order the config names them.
 */
export function proxyPassUpstreams(config: string): Upstream[] {
  const text = stripComments(config);
  const blocks = new Map<string, string[]>();
  for (const b of text.matchAll(/\bupstream\s+([A-Za-z0-9_.-]+)\s*\{([^}]*)\}/g)) {
    const servers = [...b[2]!.matchAll(/(?:^|[;{\s])server\s+([^\s;]+)/g)].map((s) => s[1]!);
    blocks.set(b[1]!, servers);
  }
  const found: Upstream[] = [];
  const seen = new Set<string>();
  const add = (host: string, port: number, line: string) => {
    const key = `${host} ${port}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ host, port, line: line.slice(0, 200) });
  };
  for (const m of text.matchAll(/\bproxy_pass\s+([^\s;]+)\s*;/g)) {
    const line = `proxy_pass ${m[1]!};`;
    const url = m[1]!.match(/^(https?):\/\/([^/$]+)(?:\/.*)?$/i);
    if (!url) continue;
    const defaultPort = url[1]!.toLowerCase() === 'https' ? 443 : 80;
    const named = blocks.get(url[2]!);
    if (named) {
      for (const s of named) {
        const hp = hostAndPort(s, 80);
        if (hp) add(hp.host, hp.port, line);
      }
      continue;
    }
    const hp = hostAndPort(url[2]!, defaultPort);
    if (hp) add(hp.host, hp.port, line);
  }
  return found;
}

/** The `include` paths a config names, in order (globs kept as written: the reader expands `dir/*`). */
export function includePaths(config: string): string[] {
  return [...stripComments(config).matchAll(/(?:^|[;{}\s])include\s+([^\s;]+)\s*;/g)].map((m) => m[1]!);
}

export interface ProxyUpstream extends Upstream {
  /** TCP listeners on the upstream's port (any address: the check decides which serve its host). */
  listeners: Listener[];
}

/** Each address once, in the order found, the quoted line capped. */
export function uniqueUpstreams(found: readonly Upstream[]): Upstream[] {
  const seen = new Set<string>();
  return found
    .filter((u) => {
      const key = `${u.host} ${u.port}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((u) => ({ ...u, line: u.line.slice(0, 200) }));
}

export interface ProxyConfig {
  proxy: ConfiguredProxy;
  config: ConfigFile;
  /** Files read besides the main one (its `include`s / `import`s / `Include`s, one level deep). */
  included: string[];
  upstreams: ProxyUpstream[];
}
