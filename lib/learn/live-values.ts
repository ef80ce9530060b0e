import 'server-only';
/**
 * The live values the /learn lessons quote: read from this machine at request time by the diagnosis' own
 * fact gatherers, with their deadlines. Each fact either has its value or says why it could not be read, so
 * one failing source never blanks the whole page.
 */
import { hostPlatform, listenersFact, portRangesFact } from '@/lib/diagnosis/facts';
import { resolveLoopbackName } from '@/lib/diagnosis';
import type { Fact, Facts, PortFacts, Resolution } from '@/lib/diagnosis/types';
import type { Listener, ListenerTable } from '@/lib/host/listeners/types';
import { isLoopbackAddress, isLoopbackName, isWildcard } from '@/lib/net';

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
  platform: Facts['platform'];
  /** The port the lessons use as their example: the one the user came from, or 62893. */
  port: number;
  /** The host the user came from when it is a loopback name worth resolving, else "localhost". */
  host: string;
  portFacts: Fact<PortFacts>;
  localhost: Fact<Resolution>;
  /** How `host` resolves, when the user came from a name other than localhost. */
  hostResolution: Fact<Resolution> | null;
  listeners: Fact<ListenerOverview>;
  readAt: string;
}

export const DEFAULT_LESSON_PORT = 62893;

function overview({ listeners, source, warnings }: ListenerTable): ListenerOverview {
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
    portRangesFact(params.port),
    resolveLoopbackName('localhost'),
    params.host === 'localhost' ? Promise.resolve(null) : resolveLoopbackName(params.host),
    listenersFact({ protocols: ['tcp'] }),
  ]);
  return {
    platform: hostPlatform(),
    ...params,
    portFacts,
    localhost,
    hostResolution,
    listeners: listeners.status === 'ok' ? { ...listeners, value: overview(listeners.value) } : listeners,
    readAt: new Date().toISOString(),
  };
}
