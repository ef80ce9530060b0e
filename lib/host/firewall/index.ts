import 'server-only';
import { readDarwinFirewall } from '@/lib/host/darwin/firewall';
import { readLinuxFirewall } from '@/lib/host/linux/firewall';
import type { FirewallFacts } from '@/lib/host/firewall/types';
import { readWin32Firewall } from '@/lib/host/win32/firewall';

export type { FirewallFacts, FirewallRule, FirewallSource } from '@/lib/host/firewall/types';

let inFlight: Promise<FirewallFacts> | null = null;

/**
 * The firewall rules of this machine, in one model whatever the OS. Diagnoses running at the same moment share
 * one read (each read starts several tools), but a read never outlives its own answer: rules are always fresh.
 */
export function readFirewall(): Promise<FirewallFacts> {
  inFlight ??= readForPlatform().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** The one place that picks the OS adapter. */
async function readForPlatform(): Promise<FirewallFacts> {
  switch (process.platform) {
    case 'linux':
      return readLinuxFirewall();
    case 'darwin':
      return readDarwinFirewall();
    case 'win32':
      return readWin32Firewall();
    default:
      return {
        sources: [],
        chains: [],
        rules: [],
        skippedInterfaces: [],
        notes: [`reading the firewall is not supported on ${process.platform} yet`],
      };
  }
}
