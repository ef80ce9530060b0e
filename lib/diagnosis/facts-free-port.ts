import 'server-only';
import { findFreePortNear } from '@/lib/host/free-port';
import type { ListenerTable } from '@/lib/host/listeners/types';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Fact, Intent, PortFacts } from '@/lib/diagnosis/types';

/**
 * Where to look for the diagnosis' one free port. A privileged port's neighbours are privileged too: a
 * normal user is sent to the same number plus 8000 (80 → near 8080, 443 → near 8443), never to 1024;
 * root may bind low ports, so it gets the nearest one.
 */
export function freePortSearch(
  port: number,
  privileged: boolean,
  root: boolean,
): { near: number; lowest: number } {
  if (root) return { near: port, lowest: 1 };
  if (privileged) return { near: Math.min(65535, port + 8000), lowest: 1024 };
  return { near: port, lowest: 1024 };
}

/**
 * The one free port every finding of this diagnosis suggests (port-taken, privileged-port, a container's
 * host port…), proven free by binding it on every loopback address. Only looked for when some finding
 * can use it: the user is about to start something on a taken port, or the port is privileged.
 */
export function freePortFact(
  port: number,
  intent: Intent,
  listeners: Fact<ListenerTable>,
  portFacts: Fact<PortFacts>,
  root: boolean,
): Promise<Fact<number>> | null {
  const privileged = portFacts.status === 'ok' && portFacts.value.privileged;
  const taken =
    intent === 'start' &&
    listeners.status === 'ok' &&
    listeners.value.listeners.some((x) => x.protocol === 'tcp');
  if (!taken && !privileged) return null;
  const { near, lowest } = freePortSearch(port, privileged, root);
  return timedFact('a nearby port proven free by binding it', 3000, async () => {
    const found = await findFreePortNear(near, {
      ephemeral: portFacts.status === 'ok' ? portFacts.value.ephemeral : undefined,
      lowest,
    });
    if (found === null) throw new Error(`no free port found near ${near}`);
    return found;
  });
}
