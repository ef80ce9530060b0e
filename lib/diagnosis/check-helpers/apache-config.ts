/**
 * Where an Apache httpd forwards, from the config its command line names. Pure: lib/diagnosis/facts-proxy
 * reads the files; these functions only parse what it read.
 */
import type { Listener } from '@/lib/host/listeners/types';
import { splitCommandString } from '@/lib/stacks';
import { optionValue } from '@/lib/stacks/args';
import { findProgram, programName } from '@/lib/stacks/command-line';
import { hostAndPort, uniqueUpstreams, type ConfigFile, type Upstream } from './proxy-upstream';

export interface ApacheConfigFile extends ConfigFile {
  /** The ServerRoot relative paths start from (`-d`, else the build's: Debian's /etc/apache2). */
  root: string;
}

const withSlash = (dir: string) => dir.replace(/\/?$/, '/');
const under = (root: string, p: string) => (p.startsWith('/') ? p : `${withSlash(root)}${p}`);

/**
 * The main config: `-f` (relative to the ServerRoot), else the build's own — Debian's apache2 reads
 * /etc/apache2/apache2.conf, other builds' httpd conf/httpd.conf under /etc/httpd.
 */
export function apacheConfigFile(owner: Listener): ApacheConfigFile {
  const argv = owner.argv ?? splitCommandString(owner.command ?? '');
  const at = findProgram(argv, (w) => ['apache2', 'httpd'].includes(programName(w)));
  const bin = argv[at] ?? owner.executable ?? 'apache2';
  const debian = programName(bin) === 'apache2';
  const root = optionValue(argv, ['-d'], at + 1) ?? (debian ? '/etc/apache2' : '/etc/httpd');
  const conf = optionValue(argv, ['-f'], at + 1);
  if (conf) return { path: under(root, conf), from: 'command line', root };
  return { path: under(root, debian ? 'apache2.conf' : 'conf/httpd.conf'), from: 'default', root };
}

/** Apache comments are whole lines; `\` at a line's end continues it. */
function directiveLines(config: string): string[] {
  return config
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

/** The ServerRoot a config sets for its own relative paths, when it sets one. */
export function serverRoot(config: string): string | null {
  for (const line of directiveLines(config)) {
    const w = words(line);
    if (w[0]?.toLowerCase() === 'serverroot' && w[1]) return w[1];
  }
  return null;
}

/**
 * `Include` / `IncludeOptional` paths (globs kept as written, relative to the ServerRoot). Module files
 * (`mods-enabled/`, `*.load`) are left out: they only load and tune modules, and on Debian they would use up
 * the file budget before `sites-enabled/`, where the ProxyPass lines live. Paths with `${VAR}` are left out
 * too (envvars the doctor does not evaluate).
 */
export function apacheIncludes(config: string): string[] {
  return directiveLines(config)
    .map(words)
    .filter((w) => /^include(optional)?$/i.test(w[0] ?? '') && w[1])
    .map((w) => w[1]!)
    .filter((p) => !p.includes('${') && !/(^|\/)mods-(enabled|available)\//.test(p) && !/\.load$/.test(p));
}

const DEFAULT_PORT: Readonly<Record<string, number>> = {
  http: 80,
  ws: 80,
  h2c: 80,
  https: 443,
  wss: 443,
  h2: 443,
  ajp: 8009,
};

/** A backend URL's address: `http://127.0.0.1:8000/app/`, `ajp://localhost:8009`; fcgi/scgi need a port. */
function backendAddress(url: string): { host: string; port: number } | null {
  const m = url.match(/^([a-z0-9]+):\/\/([^/?#]+)/i);
  if (!m) return null;
  return hostAndPort(m[2]!, DEFAULT_PORT[m[1]!.toLowerCase()] ?? 0);
}

/**
 * Where `ProxyPass` / `ProxyPassMatch` lines send requests, and the `BalancerMember`s a `balancer://` one
 * spreads them over, in the order the config names them. `ProxyPassReverse` only rewrites answers' headers;
 * `ProxyPass /x !` excludes a path; `unix:` sockets have no address to look up.
 */
export function proxyPassUrls(config: string): Upstream[] {
  const found: Upstream[] = [];
  for (const line of directiveLines(config)) {
    const w = words(line);
    const name = w[0]?.toLowerCase();
    const url =
      name === 'balancermember'
        ? w[1]
        : name === 'proxypass' || name === 'proxypassmatch'
          ? w.slice(1).find((x) => /^[a-z0-9]+:\/\//i.test(x))
          : undefined;
    if (!url || /^balancer:/i.test(url)) continue;
    const hp = backendAddress(url);
    if (hp) found.push({ ...hp, line });
  }
  return uniqueUpstreams(found);
}
