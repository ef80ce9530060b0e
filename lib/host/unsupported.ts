import 'server-only';
import { summarizeConnections } from '@/lib/host/connections';
import { readLinuxPrivilegedBelow } from '@/lib/host/linux/port-range';
import { liveFromHolders, pidExists, posixSignal } from '@/lib/host/process-signals';
import type { HostAdapter } from '@/lib/host/types';

/**
 * An OS without readers (FreeBSD, AIX…): every answer says so instead of guessing; what is the same on
 * every POSIX system (signals, the hosts file, the IANA range) still works.
 */
export function unsupportedAdapter(platform: NodeJS.Platform): HostAdapter {
  return {
    platform,
    listListeners: async () => ({
      listeners: [],
      source: 'none',
      partial: true,
      warnings: [`listing listeners is not supported on ${platform} yet`],
    }),
    connectionsOnPort: async (port) =>
      summarizeConnections(port, [], 'none', [`counting connections is not supported on ${platform} yet`]),
    readEphemeralRange: async () => ({ low: 49152, high: 65535, source: 'IANA dynamic range (RFC 6335)' }),
    // Most Unix systems share Linux's rule: the /proc setting is simply absent, so its default applies.
    readPrivilegedBelow: readLinuxPrivilegedBelow,
    readFirewall: async () => ({
      sources: [],
      chains: [],
      rules: [],
      skippedInterfaces: [],
      notes: [`reading the firewall is not supported on ${platform} yet`],
    }),
    processes: { live: liveFromHolders, stillRunning: (pid) => pidExists(pid), signal: posixSignal },
    localPeer: async () => ({ kind: 'unknown', reason: `no socket-table reader for ${platform}` }),
    hostsFilePath: () => '/etc/hosts',
  };
}
