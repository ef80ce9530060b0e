import 'server-only';
import { linuxConnections } from '@/lib/host/linux/connections';
import { findDockerProxies } from '@/lib/host/linux/docker-proxies';
import { readLinuxFirewall } from '@/lib/host/linux/firewall';
import { listLinuxListeners } from '@/lib/host/linux/listeners';
import { linuxPeer } from '@/lib/host/linux/peer';
import { readLinuxEphemeralRange, readLinuxPrivilegedBelow } from '@/lib/host/linux/port-range';
import { listeningInodesSignature } from '@/lib/host/linux/listening-inodes';
import { linuxProcessCwd } from '@/lib/host/linux/process-cwd';
import { linuxLiveProcess, linuxStillRunning } from '@/lib/host/linux/process-state';
import { readWslInfo } from '@/lib/host/linux/wsl';
import { posixSignal } from '@/lib/host/process-signals';
import type { HostAdapter } from '@/lib/host/types';

/** Linux: /proc for sockets, processes and port ranges; nft, iptables, ufw, firewalld for the firewall. */
export const linuxAdapter: HostAdapter = {
  platform: 'linux',
  listListeners: (options) => listLinuxListeners(options),
  connectionsOnPort: async (port) => linuxConnections(port),
  readEphemeralRange: readLinuxEphemeralRange,
  readPrivilegedBelow: readLinuxPrivilegedBelow,
  readFirewall: () => readLinuxFirewall(),
  processes: {
    live: (pid) => linuxLiveProcess(pid),
    stillRunning: linuxStillRunning,
    signal: posixSignal,
  },
  localPeer: async (ends) => linuxPeer(ends),
  hostsFilePath: () => '/etc/hosts',
  processCwd: linuxProcessCwd,
  listeningSignature: listeningInodesSignature,
  readWsl: () => readWslInfo(),
  findContainerProxies: async (port) => findDockerProxies(port),
};
