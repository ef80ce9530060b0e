import 'server-only';
import { open, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { listListeners } from '@/lib/host/listeners';
import type { Listener, ListenerTable } from '@/lib/host/listeners/types';
import {
  includePaths,
  nginxConfigFile,
  nginxOwner,
  proxyPassUpstreams,
  type ProxyConfig,
  type ProxyUpstream,
} from '@/lib/diagnosis/check-helpers/proxy-upstream';
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

/** `include` paths as nginx resolves them (relative to the main file's directory), `dir/*.conf` expanded. */
async function expandInclude(pattern: string, base: string): Promise<string[]> {
  const full = pattern.startsWith('/') ? pattern : join(base, pattern);
  const star = full.lastIndexOf('*');
  if (star < 0) return [full];
  const dir = dirname(full);
  const [before, after] = full.slice(dir.length + 1).split('*');
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith(before ?? '') && n.endsWith(after ?? '') && !n.startsWith('.'))
    .sort()
    .map((n) => join(dir, n));
}

async function readNginx(owner: Listener): Promise<ProxyConfig> {
  const config = nginxConfigFile(owner);
  const main = await readCapped(config.path);
  const included: string[] = [];
  let text = main;
  for (const pattern of includePaths(main)) {
    for (const file of await expandInclude(pattern, dirname(config.path))) {
      if (included.length >= MAX_INCLUDES) break;
      const more = await readCapped(file).catch(() => null);
      if (more === null) continue;
      included.push(file);
      text += `\n${more}`;
    }
  }
  const upstreams: ProxyUpstream[] = [];
  for (const up of proxyPassUpstreams(text).slice(0, MAX_UPSTREAMS)) {
    const table: ListenerTable = await listListeners({ port: up.port, protocols: ['tcp'] });
    upstreams.push({ ...up, listeners: table.listeners.filter((l) => l.port === up.port) });
  }
  return { proxy: 'nginx', config, included, upstreams };
}

/**
 * When nginx holds the target's port: the upstreams its config forwards to, each with who listens there.
 * null when no nginx is among the listeners (nothing to read).
 */
export function proxyConfigFact(
  listeners: Fact<ListenerTable>,
  port: number,
): Promise<Fact<ProxyConfig>> | null {
  if (listeners.status !== 'ok') return null;
  const owner = nginxOwner(listeners.value.listeners.filter((l) => l.protocol === 'tcp' && l.port === port));
  if (!owner) return null;
  return timedFact(`nginx config (${nginxConfigFile(owner).path}) and its upstreams' listeners`, 2500, () =>
    readNginx(owner),
  );
}
