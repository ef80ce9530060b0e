/**
 * Where a Caddy forwards, from the config its command line names. Pure: lib/diagnosis/facts-proxy reads the
 * files; these functions only parse what it read.
 */
import { join } from 'node:path';
import type { Listener } from '@/lib/host/listeners/types';
import { splitCommandString } from '@/lib/stacks';
import { optionValue } from '@/lib/stacks/args';
import { findProgram, programName } from '@/lib/stacks/command-line';
import { hostAndPort, uniqueUpstreams, type ConfigFile, type Upstream } from './proxy-upstream';

export interface CaddyConfigFile extends ConfigFile {
  /** How Caddy reads it: `caddyfile`, `json`, or another adapter the doctor does not parse (yaml, nginx…). */
  adapter: string;
}

/**
 * The config `caddy run|start` reads: `--config` (relative to its working directory), else the `Caddyfile`
 * in that directory. Without `--adapter`, Caddy treats a file whose name starts with "Caddyfile" (or ends in
 * `.caddyfile`) as a Caddyfile and anything else as JSON. null when a relative path has no known directory.
 */
export function caddyConfigFile(owner: Listener): CaddyConfigFile | null {
  const argv = owner.argv ?? splitCommandString(owner.command ?? '');
  const at = findProgram(argv, (w) => programName(w) === 'caddy');
  const from = at < 0 ? 1 : at + 2;
  const conf = optionValue(argv, ['--config', '-c'], from);
  const adapterFlag = optionValue(argv, ['--adapter', '-a'], from);
  const file = conf ?? 'Caddyfile';
  const base = file.slice(file.lastIndexOf('/') + 1);
  const adapter =
    adapterFlag?.toLowerCase() ??
    (/^caddyfile/i.test(base) || /\.caddyfile$/i.test(base) ? 'caddyfile' : 'json');
  const cwd = owner.cwd ?? null;
  if (!file.startsWith('/') && !cwd) return null;
  const path = file.startsWith('/') ? file : join(/*turbopackIgnore: true*/ cwd!, file);
  return { path, from: conf ? 'command line' : 'default', adapter };
}

/** A Caddyfile `#` starts a comment only at the start of a word. */
function stripComments(text: string): string {
  return text.replace(/(^|\s)#[^\n]*/g, '$1');
}

const unquote = (w: string) => w.replace(/^["'`](.*)["'`]$/, '$1');

/**
 * One upstream word as Caddy dials it: `127.0.0.1:8000`, `localhost:8000`, `http://127.0.0.1:8000`,
 * `https://app.local` (443), `app.local` (80), `:8000` (this machine). Placeholders (`{env.X}`), unix sockets and SRV/dynamic
 * upstreams have no address to look up.
 */
export function caddyDial(word: string): { host: string; port: number } | null {
  const w = unquote(word);
  if (w.includes('{') || /^unix\//.test(w)) return null;
  const url = w.match(/^(https?|h2c):\/\/([^/?#]+)(?:[/?#].*)?$/i);
  const scheme = url?.[1]!.toLowerCase() ?? null;
  const hp = url ? url[2]! : w;
  const port = scheme === 'https' ? 443 : 80;
  return hostAndPort(hp.startsWith(':') ? `localhost${hp}` : hp, port);
}

/** Words of a line up to a `{` that opens its block; a matcher token (`/api/*`, `@name`, `*`) comes first. */
function upstreamWords(rest: string): string[] {
  const words = rest.split(/\s+/).filter(Boolean);
  const open = words.indexOf('{');
  const args = open >= 0 ? words.slice(0, open) : words;
  return args[0] && /^[/@*]/.test(args[0]) ? args.slice(1) : args;
}

/**
 * Where a Caddyfile's `reverse_proxy` lines send requests: the addresses on the line and the `to` lines of
 * its block. Each address once, in order.
 */
export function reverseProxyUpstreams(caddyfile: string): Upstream[] {
  const lines = stripComments(caddyfile).split('\n');
  const found: Upstream[] = [];
  let inProxyBlock = 0;
  for (const raw of lines) {
    const line = raw.trim();
    const proxy = line.match(/^reverse_proxy(?:\s+(.*))?$/);
    if (proxy) {
      // Quote the line up to its block: the block may hold header values (tokens) that stay private.
      const quoted = line.replace(/\s+\{(\s.*)?$/, '');
      for (const w of upstreamWords(proxy[1] ?? '')) {
        const hp = caddyDial(w);
        if (hp) found.push({ ...hp, line: quoted });
      }
      if (line.endsWith('{')) inProxyBlock = 1;
      continue;
    }
    if (inProxyBlock > 0) {
      const to = line.match(/^to\s+(.*)$/);
      if (inProxyBlock === 1 && to)
        for (const w of upstreamWords(to[1]!)) {
          const hp = caddyDial(w);
          if (hp) found.push({ ...hp, line: `reverse_proxy { ${line} }` });
        }
      if (line.endsWith('{')) inProxyBlock++;
      if (line === '}' || line.startsWith('}')) inProxyBlock--;
    }
  }
  return uniqueUpstreams(found);
}

/** The files a Caddyfile's `import` lines name (globs kept as written). Snippet names are not files. */
export function caddyImports(caddyfile: string): string[] {
  return [...stripComments(caddyfile).matchAll(/^\s*import\s+(\S+)/gm)]
    .map((m) => unquote(m[1]!))
    .filter((p) => p.includes('/') || p.includes('*') || p.includes('.'));
}

/** Any object with `"handler": "reverse_proxy"`, wherever routes, subroutes or handle blocks nest it. */
function collectDials(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectDials(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (obj.handler === 'reverse_proxy' && Array.isArray(obj.upstreams))
    for (const u of obj.upstreams)
      if (u && typeof (u as { dial?: unknown }).dial === 'string') out.push((u as { dial: string }).dial);
  for (const v of Object.values(obj)) collectDials(v, out);
}

/** The `upstreams[].dial` addresses of a JSON config's reverse_proxy handlers. Throws when it is not JSON. */
export function jsonReverseProxyUpstreams(json: string): Upstream[] {
  const dials: string[] = [];
  collectDials(JSON.parse(json) as unknown, dials);
  return uniqueUpstreams(
    dials.flatMap((d) => {
      const hp = caddyDial(d);
      return hp ? [{ ...hp, line: `"dial": "${d}"` }] : [];
    }),
  );
}
