import 'server-only';
import { netstatConnections } from '@/lib/host/connections';
import { readDarwinFirewall } from '@/lib/host/darwin/firewall';
import { listDarwinListeners } from '@/lib/host/darwin/listeners';
import { darwinPeer } from '@/lib/host/darwin/peer';
import { liveFromHolders, pidExists, posixSignal } from '@/lib/host/process-signals';
import type { HostAdapter } from '@/lib/host/types';

/** macOS: lsof, ps and netstat for sockets and processes; pf and the application firewall. */
export const darwinAdapter: HostAdapter = {
  platform: 'darwin',
  listListeners: (options) => listDarwinListeners(options),
  connectionsOnPort: (port) => netstatConnections(port, 'darwin'),
  // Not a file we can read: the documented default (net.inet.ip.portrange.first/last) is the IANA range.
  readEphemeralRange: async () => ({
    low: 49152,
    high: 65535,
    source: 'macOS default (sysctl net.inet.ip.portrange.first/last)',
  }),
  // Since Mojave the wildcard needs no root; a specific address such as 127.0.0.1 below 1024 still does.
  readPrivilegedBelow: async () => ({
    port: 1024,
    source: 'macOS: ports below 1024 on a specific address need root',
  }),
  readFirewall: () => readDarwinFirewall(),
  processes: { live: liveFromHolders, stillRunning: (pid) => pidExists(pid), signal: posixSignal },
  localPeer: darwinPeer,
  hostsFilePath: () => '/etc/hosts',
};
