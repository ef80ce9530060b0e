import 'server-only';
import { netstatConnections } from '@/lib/host/connections';
import { liveFromHolders, pidExists } from '@/lib/host/process-signals';
import type { HostAdapter } from '@/lib/host/types';
import { readExcludedPortRanges } from '@/lib/host/win32/excluded-ports';
import { readWin32Firewall } from '@/lib/host/win32/firewall';
import { win32HostsFilePath } from '@/lib/host/win32/hosts-file';
import { listWin32Listeners } from '@/lib/host/win32/listeners';
import { win32Peer } from '@/lib/host/win32/peer';
import { taskkill } from '@/lib/host/win32/signal';

/** Windows: netstat and PowerShell for sockets and processes; Windows Defender Firewall; taskkill. */
export const win32Adapter: HostAdapter = {
  platform: 'win32',
  listListeners: (options) => listWin32Listeners(options),
  connectionsOnPort: (port) => netstatConnections(port, 'win32'),
  // Vista and later (netsh int ipv4 show dynamicport tcp): the IANA dynamic range.
  readEphemeralRange: async () => ({
    low: 49152,
    high: 65535,
    source: 'Windows default (netsh int ipv4 show dynamicport tcp)',
  }),
  readPrivilegedBelow: async () => ({ port: 0, source: 'Windows has no privileged ports' }),
  readFirewall: () => readWin32Firewall(),
  processes: { live: liveFromHolders, stillRunning: (pid) => pidExists(pid), signal: taskkill },
  localPeer: win32Peer,
  hostsFilePath: () => win32HostsFilePath(),
  readExcludedPorts: readExcludedPortRanges,
};
