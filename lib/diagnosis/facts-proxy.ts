import 'server-only';
import { open, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listListeners } from '@/lib/host/listeners';
import type { Listener, ListenerTable } from '@/lib/host/listeners/types';
import {
  configuredProxy,
  includePaths,
  nginxConfigFile,
  proxyPassUpstreams,
  type ConfigFile,
  type ConfiguredProxy,
  type ProxyConfig,
  type ProxyUpstream,
  type Upstream,
} from '@/lib/diagnosis/check-helpers/proxy-upstream';
import {
  caddyConfigFile,
  caddyImports,
  jsonReverseProxyUpstreams,
  reverseProxyUpstreams,
} from '@/lib/diagnosis/check-helpers/caddy-config';
import {
  apacheConfigFile,
  apacheIncludes,
  proxyPassUrls,
  serverRoot,
} from '@/lib/diagnosis/check-helpers/apache-config';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Fact } from '@/lib/diagnosis/types';

/** A config bigger than this is not a hand-written local proxy: read its start only. */
const CONFIG_CAP_BYTES = 256 * 1024;
/** Included files followed (one level, `dir/*` globs expanded), so a sites-enabled/ tree costs little. */
const MAX_INCLUDES = 16;
/** Upstreams looked up in the listener table; a config with more is not one local app behind a proxy. */
const MAX_UPSTREAMS = 4;

async function readCapped(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(CONFIG_CAP_BYTES);
    const { bytesRead } = await handle.read(buf, 0, CONFIG_CAP_BYTES, 0);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** An included path relative to `base`, `dir/*.conf` expanded; a directory (Apache's `Include conf.d/`) means its files. */
async function expandInclude(pattern: string, base: string): Promise<string[]> {
  const full = pattern.startsWith('/') ? pattern : join(base, pattern);
  const star = full.lastIndexOf('*');
  if (star < 0) {
    const isDir = await stat(full).then(
      (st) => st.isDirectory(),
      () => false,
    );
    return isDir ? expandInclude(join(full, '*'), base) : [full];
  }
  const dir = dirname(full);
  const [before, after] = full.slice(dir.length + 1).split('*');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith(before ?? '') && n.endsWith(after ?? '') && !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

interface ParsedConfig {
  config: ConfigFile;
  included: string[];
  upstreams: Upstream[];
}

/** The main file and its includes one level deep (at most MAX_INCLUDES files), as one text. */
async function readWithIncludes(
  path: string,
  includes: (main: string) => string[],
  base: (main: string) => string,
) {
  const main = await readCapped(path);
  const included: string[] = [];
  let text = main;
  for (const pattern of includes(main)) {
    for (const file of await expandInclude(pattern, base(main))) {
      if (included.length >= MAX_INCLUDES) break;
      const more = await readCapped(file).catch(() => null);
      if (more === null) continue;
      included.push(file);
      text += `\n${more}`;
    }
  }
  return { text, included };
}

async function readNginx(owner: Listener): Promise<ParsedConfig> {
  const config = nginxConfigFile(owner);
  // nginx resolves `include` against the main file's directory.
  const { text, included } = await readWithIncludes(config.path, includePaths, () => dirname(config.path));
  return { config, included, upstreams: proxyPassUpstreams(text) };
}

async function readCaddy(owner: Listener): Promise<ParsedConfig> {
  const file = caddyConfigFile(owner);
  if (!file) throw new Error('caddy was started without --config and its working directory is unreadable');
  const config: ConfigFile = { path: file.path, from: file.from };
  if (file.adapter === 'json') {
    const json = await readCapped(file.path);
    let upstreams: Upstream[];
    try {
      upstreams = jsonReverseProxyUpstreams(json);
    } catch {
      throw new Error(`${file.path} is not JSON the doctor can read (or is larger than 256 KiB)`);
    }
    return { config, included: [], upstreams };
  }
  if (file.adapter !== 'caddyfile')
    throw new Error(`the ${file.adapter} config adapter is not read by the doctor`);
  // Caddy resolves `import` against the importing file's directory.
  const { text, included } = await readWithIncludes(file.path, caddyImports, () => dirname(file.path));
  return { config, included, upstreams: reverseProxyUpstreams(text) };
}

async function readApache(owner: Listener): Promise<ParsedConfig> {
  const file = apacheConfigFile(owner);
  // Apache resolves `Include` against the ServerRoot, which the main file may set itself.
  const { text, included } = await readWithIncludes(
    file.path,
    apacheIncludes,
    (main) => serverRoot(main) ?? file.root,
  );
  return { config: { path: file.path, from: file.from }, included, upstreams: proxyPassUrls(text) };
}

const READERS: Readonly<Record<ConfiguredProxy, (owner: Listener) => Promise<ParsedConfig>>> = {
  nginx: readNginx,
  Caddy: readCaddy,
  Apache: readApache,
};

async function readProxy(proxy: ConfiguredProxy, owner: Listener): Promise<ProxyConfig> {
  const { config, included, upstreams: found } = await READERS[proxy](owner);
  const upstreams: ProxyUpstream[] = [];
  for (const up of found.slice(0, MAX_UPSTREAMS)) {
    const table: ListenerTable = await listListeners({ port: up.port, protocols: ['tcp'] });
    upstreams.push({ ...up, listeners: table.listeners.filter((l) => l.port === up.port) });
  }
  return { proxy, config, included, upstreams };
}

/**
 * When nginx, Caddy or Apache holds the target's port: the upstreams its config forwards to, each with who
 * listens there. null when none of them is among the listeners (nothing to read).
 */
export function proxyConfigFact(
  listeners: Fact<ListenerTable>,
  port: number,
): Promise<Fact<ProxyConfig>> | null {
  if (listeners.status !== 'ok') return null;
  const found = configuredProxy(
    listeners.value.listeners.filter((l) => l.protocol === 'tcp' && l.port === port),
  );
  if (!found) return null;
  return timedFact(`${found.proxy} config and its upstreams' listeners`, 2500, () =>
    readProxy(found.proxy, found.owner),
  );
}
