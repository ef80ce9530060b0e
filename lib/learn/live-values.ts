import 'server-only';
/**
 * The live values the /learn lessons quote: read from this machine at request time through the same host
 * adapters the engine uses. Each reading either has its value or says why it could not be read, so one
 * failing source never blanks the whole page.
 */
import type { PortFacts, Resolution } from '@/lib/diagnosis/types';
import { listListeners } from '@/lib/host/listeners';
import type { Listener } from '@/lib/host/listeners/types';
import { readPortFacts } from '@/lib/host/port-range';
import { resolveHost } from '@/lib/host/resolve';
import { isLoopbackAddress, isLoopbackName, isWildcard } from '@/lib/net';

export type Reading<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ListenerOverview {
  /** TCP listeners, one per socket. */
  tcp: Listener[];
  loopbackOnly: Listener[];
  everyInterface: Listener[];
  specificAddress: Listener[];
  source: string;
  warnings: string[];
}

export interface LearnValues {
  platform: 'linux' | 'darwin' | 'win32';
  /** The port the lessons use as their example: the one the user came from, or 62893. */
  port: number;
  /** The host the user came from when it is a loopback name worth resolving, else "localhost". */
  host: string;
  portFacts: Reading<PortFacts>;
  localhost: Reading<Resolution>;
  /** How `host` resolves, when the user came from a name other than localhost. */
  hostResolution: Reading<Resolution> | null;
  listeners: Reading<ListenerOverview>;
  readAt: string;
}

export const DEFAULT_LESSON_PORT = 62893;

async function read<T>(fn: () => Promise<T>): Promise<Reading<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

function overview(listeners: Listener[], source: string, warnings: string[]): ListenerOverview {
  const tcp = listeners.filter((l) => l.protocol === 'tcp').sort((a, b) => a.port - b.port);
  return {
    tcp,
    loopbackOnly: tcp.filter((l) => isLoopbackAddress(l.address)),
    everyInterface: tcp.filter((l) => isWildcard(l.address)),
    specificAddress: tcp.filter((l) => !isWildcard(l.address) && !isLoopbackAddress(l.address)),
    source,
    warnings,
  };
}

/** Query values come from a link (or a person editing the URL): anything unusable falls back to the defaults. */
export function lessonParams(port: unknown, host: unknown): { port: number; host: string } {
  const n = typeof port === 'string' && /^\d{1,5}$/.test(port) ? Number(port) : NaN;
  // Only loopback names are resolved: /learn must not become a way to make this machine look up any name.
  const h = typeof host === 'string' && isLoopbackName(host) ? host.toLowerCase() : 'localhost';
  return { port: n >= 1 && n <= 65535 ? n : DEFAULT_LESSON_PORT, host: h };
}

export async function readLearnValues(params: { port: number; host: string }): Promise<LearnValues> {
  const [portFacts, localhost, hostResolution, listeners] = await Promise.all([
    read(() => readPortFacts(params.port)),
    read(() => resolveHost('localhost')),
    params.host === 'localhost' ? Promise.resolve(null) : read(() => resolveHost(params.host)),
    read(async () => {
      const t = await listListeners({ protocols: ['tcp'] });
      return overview(t.listeners, t.source, t.warnings);
    }),
  ]);
  const platform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux';
  return {
    platform,
    ...params,
    portFacts,
    localhost,
    hostResolution,
    listeners,
    readAt: new Date().toISOString(),
  };
}
