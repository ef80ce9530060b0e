import 'server-only';

/**
 * One model for every firewall this app reads, so the check that matches a connection against the rules
 * never knows which tool printed them. Only types here: importing it costs nothing at runtime.
 */

import type { HostPlatform } from '@/lib/host/types';

export type FirewallTool =
  | 'nft'
  | 'iptables'
  | 'ip6tables'
  | 'iptables-legacy'
  | 'ip6tables-legacy'
  | 'ufw'
  | 'firewalld'
  | 'pf'
  | 'socketfilterfw'
  | 'netsh'
  | 'powershell';

/** The points a packet passes through. Windows and pf rules map their "in"/"out" onto input/output. */
export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

/** 'any' for rules that apply to both (nft inet tables, pf without inet/inet6, Windows). */
export type RuleFamily = 'ipv4' | 'ipv6' | 'any';

export interface PortRange {
  low: number;
  high: number;
}

/** A condition on ports; `negated` for "tcp dport != 22" / "! --dport 22". */
export interface PortMatch {
  ranges: PortRange[];
  negated: boolean;
}

/** Addresses or CIDR ranges ("127.0.0.0/8", "::1"). */
export interface AddressMatch {
  cidrs: string[];
  negated: boolean;
}

/** Interface names; a trailing '+' (iptables) or '*' (nft) is a prefix wildcard. */
export interface InterfaceMatch {
  names: string[];
  negated: boolean;
}

/** What a packet must look like for the rule to apply. null = no condition on that field. */
export interface RuleMatch {
  /** 'tcp', 'udp', 'icmp'…; null = every protocol. */
  protocol: string | null;
  dports: PortMatch | null;
  sports: PortMatch | null;
  inInterface: InterfaceMatch | null;
  outInterface: InterfaceMatch | null;
  source: AddressMatch | null;
  destination: AddressMatch | null;
  /** Connection-tracking states the rule requires; a connection request is 'new'. */
  ctStates: string[] | null;
  /**
   * Conditions this parser does not model (rate limits, owner, time, a Windows program path…), as printed.
   * A rule with any of them may or may not apply, so it is never named as the cause on its own.
   */
  unknown: string[];
}

export type RuleAction =
  | { kind: 'accept' }
  | { kind: 'drop' }
  /** `with`: the reject type as the tool prints it ("tcp reset", "icmp-port-unreachable"); null = default. */
  | { kind: 'reject'; with: string | null }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string }
  | { kind: 'return' }
  /** Logs, counts, marks or rewrites the packet and lets it go on to the next rule. */
  | { kind: 'continue' };

export interface FirewallRule {
  tool: FirewallTool;
  family: RuleFamily;
  /**
   * Where the rule lives, as the tool names it: nft "inet filter", iptables "filter", a firewalld zone,
   * pf's "main ruleset", Windows "inbound rules". Rules are evaluated in the order they are listed.
   */
  table: string;
  /** The chain (nft/iptables), or null where the tool has no chains (ufw, firewalld, pf, Windows). */
  chain: string | null;
  /** nft's rule handle; the 1-based position within its chain or list otherwise. */
  handle: number | null;
  position: number;
  /** For tools without chains: which way the rule filters. Chains take their hook from FirewallChain. */
  direction: 'input' | 'output' | null;
  /** pf: "quick" rules end the evaluation; without it the last match wins. */
  quick?: boolean;
  match: RuleMatch;
  action: RuleAction;
  /** The rule as the tool prints it. */
  text: string;
  /** A sentence naming where it lives: "table inet filter chain input (handle 2)". */
  location: string;
  /** The command that deletes it, as arguments (quoted only when shown), or null when no one command does. */
  remove: readonly string[] | null;
  /** Set when another tool owns the rule (ufw, firewalld): deleting it directly is undone on their reload. */
  managedBy?: 'ufw' | 'firewalld';
}

/** An nft or iptables chain: base chains hang on a hook and have a policy; user chains are jumped to. */
export interface FirewallChain {
  tool: FirewallTool;
  /** nft table family: 'ip', 'ip6', 'inet'; iptables tables are 'ip' and ip6tables tables 'ip6'. */
  family: string;
  /** Named as its rules name it (FirewallRule.table): "inet filter" for nft, "filter" for iptables. */
  table: string;
  name: string;
  hook: Hook | null;
  /** 'filter', 'nat', 'route'… only filter-like chains can drop a connection request. */
  type: string | null;
  priority: number;
  policy: 'accept' | 'drop' | null;
  /** The policy line as the tool prints it ("type filter hook input priority filter; policy drop;"). */
  policyText: string | null;
  /** The command that sets the policy to accept, as arguments. */
  policyFix: readonly string[] | null;
}

export type SourceStatus =
  /** Read; its rules are in the model. */
  | 'read'
  /** Installed but the rules could not be read without more rights: see `sudo`. */
  | 'denied'
  /** Installed, and it says it is not running ("Status: inactive", "FirewallD is not running"). */
  | 'inactive'
  /** Installed but failed for another reason (see `detail`). */
  | 'failed';

/** One tool that was tried. A tool that is not installed is not listed at all. */
export interface FirewallSource {
  tool: FirewallTool;
  /** The OS whose adapter read it: decides how the command to read it with more rights is written. */
  platform: HostPlatform;
  /** The command as it was run, e.g. "nft -j list ruleset". */
  command: string;
  status: SourceStatus;
  /** What the tool said when it did not answer ("Operation not permitted (you must be root)"). */
  detail: string | null;
  /** The exact command to run with administrator rights when status is 'denied', as arguments. */
  sudo: readonly string[] | null;
  rules: number;
}

export interface FirewallFacts {
  sources: FirewallSource[];
  chains: FirewallChain[];
  rules: FirewallRule[];
  /** Interfaces the firewall does not filter at all (pf's "set skip on lo0"). */
  skippedInterfaces: string[];
  /** Sentences about what was read and what was left out ("pf anchors are not expanded"). */
  notes: string[];
}
