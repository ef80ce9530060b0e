import type { FirewallTool } from '@/lib/host/firewall/types';
import type { HostPlatform } from '@/lib/host/types';

/**
 * The OS each firewall tool belongs to, for rules and chains (which name only their tool): the command
 * that removes a rule is written for that OS. Every tool is listed, so a new one cannot default to Linux.
 * Sources carry the platform of the adapter that read them instead.
 */
export const TOOL_PLATFORM: Record<FirewallTool, HostPlatform> = {
  nft: 'linux',
  iptables: 'linux',
  ip6tables: 'linux',
  'iptables-legacy': 'linux',
  'ip6tables-legacy': 'linux',
  ufw: 'linux',
  firewalld: 'linux',
  pf: 'darwin',
  socketfilterfw: 'darwin',
  netsh: 'win32',
  powershell: 'win32',
};
