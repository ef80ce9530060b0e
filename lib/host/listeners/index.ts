import 'server-only';
import { host } from '@/lib/host';
import type { ListenerTable, ListListenersOptions } from '@/lib/host/listeners/types';
import type { HostAdapter } from '@/lib/host/types';

export type { Listener, ListenerTable, ListListenersOptions } from '@/lib/host/listeners/types';

/**
 * Every listening TCP socket and bound UDP socket on this machine (or only those on options.port),
 * with its owning process when it can be read.
 */
export function listListeners(
  options: ListListenersOptions = {},
  adapter: HostAdapter = host(),
): Promise<ListenerTable> {
  return adapter.listListeners(options);
}
