import 'server-only';
import { listDarwinListeners } from '@/lib/host/darwin/listeners';
import { listLinuxListeners } from '@/lib/host/linux/listeners';
import { listWin32Listeners } from '@/lib/host/win32/listeners';
import type { ListenerTable, ListListenersOptions } from '@/lib/host/listeners/types';

export type { Listener, ListenerTable, ListListenersOptions } from '@/lib/host/listeners/types';

/**
 * Every listening TCP socket and bound UDP socket on this machine (or only those on options.port),
 * with its owning process when it can be read. The one place that picks the OS adapter.
 */
export async function listListeners(options: ListListenersOptions = {}): Promise<ListenerTable> {
  switch (process.platform) {
    case 'linux':
      return listLinuxListeners(options);
    case 'darwin':
      return listDarwinListeners(options);
    case 'win32':
      return listWin32Listeners(options);
    default:
      return {
        listeners: [],
        source: 'none',
        partial: true,
        warnings: [`listing listeners is not supported on ${process.platform} yet`],
      };
  }
}
