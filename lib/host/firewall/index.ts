import 'server-only';
import { host } from '@/lib/host';
import type { FirewallFacts } from '@/lib/host/firewall/types';
import type { HostAdapter } from '@/lib/host/types';

export type { FirewallFacts, FirewallRule, FirewallSource } from '@/lib/host/firewall/types';

let inFlight: Promise<FirewallFacts> | null = null;

/**
 * The firewall rules of this machine, in one model whatever the OS. Diagnoses running at the same moment share
 * one read (each read starts several tools), but a read never outlives its own answer: rules are always fresh.
 */
export function readFirewall(adapter: HostAdapter = host()): Promise<FirewallFacts> {
  inFlight ??= adapter.readFirewall().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
