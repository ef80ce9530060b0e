import type { FirewallFacts } from '@/lib/host/firewall/types';
import type { ListenerTable, PortConnections } from '@/lib/host/listeners/types';
import type { AppProbe, ConnectAttempt } from '@/lib/probe/types';
import type { Target } from '@/lib/target';
import type { ContainerProxy } from '@/lib/host/linux/docker-proxies';
import type { PortFacts } from '@/lib/host/port-range';
import type { Resolution } from '@/lib/host/resolve';
import type { ProcessIdentity } from '@/lib/host/self';
import type { ExcludedPortRange } from '@/lib/host/win32/excluded-ports';
import type { WslInfo } from '@/lib/host/linux/wsl';
import type { Script, Shell } from '@/lib/shell/script';
import type { FindingId } from '@/lib/diagnosis/checks';
import type { ProxyConfig } from '@/lib/diagnosis/check-helpers/proxy-upstream';
import type { HistoryFactValue } from '@/lib/history/types';

export type { FindingId };

// Host facts' types live beside their readers; re-exported so checks keep importing them from here.
export type { PortFacts } from '@/lib/host/port-range';
export type { Resolution, ResolvedAddress } from '@/lib/host/resolve';
export type { ProcessIdentity } from '@/lib/host/self';

export type Severity = 'error' | 'warning' | 'info' | 'ok';
export type Step = 'start' | 'open' | 'monitor' | 'fix';
export type Platform = 'linux' | 'darwin' | 'win32' | 'any';
export type Intent = 'reach' | 'start';

/** How a fix's text is read: a shell's command line, the same line in every shell, code, or an address. */
export type FixShell = Shell | 'portable' | 'code' | 'address';

export interface Fix {
  platform: Platform;
  label: string;
  /** Exactly what is shown and copied. For a shell, `script` rendered and quoted for that shell. */
  command: string;
  shell: FixShell;
  /** The words and operators `command` was built from (shells only), so tests and case files can check it. */
  script?: Script;
}

/** One finding; `Id` narrows it to the ids one check declares (lib/diagnosis/check.ts). */
export interface Finding<Id extends string = FindingId> {
  id: Id;
  severity: Severity;
  step: Step;
  title: string;
  /** Quotes the facts it rests on ("localhost resolved to ::1 first; your server listens on 127.0.0.1 only"). */
  detail: string;
  fixes: Fix[];
  /** Slug of the /learn lesson that explains the concept. */
  lesson?: string;
  /**
   * What to do first, in words, when no single command fits everyone ("start your service on port 3000"):
   * the summary then names this instead of picking one of the fixes.
   */
  action?: string;
  /** A page of this app to go on to (moved-port: diagnose the address the server listens on now). */
  link?: { label: string; href: string };
  /** Things the app itself can do about this finding (the UI renders exactly these, nothing it derives). */
  actions?: FindingAction[];
}

/** Stop the process that holds the port (POST /api/processes/{pid}/stop); the server re-checks everything. */
export interface StopProcessAction {
  kind: 'stop-process';
  pid: number;
  port: number;
  /** From the listing: the server refuses if the process at that pid started at another time (pid reuse). */
  startedAt: string | null;
  process: string | null;
  command: string | null;
  user: string | null;
}

export type FindingAction = StopProcessAction;

/** A gathered fact: its value, or why it could not be read; always where from and how long it took. */
export type Fact<T> =
  | { status: 'ok'; value: T; source: string; durationMs: number }
  | { status: 'failed'; error: string; source: string; durationMs: number };

export interface Probes {
  attempts: ConnectAttempt[];
  /** Application-layer answer from the first address that accepted; null when none did. */
  application: AppProbe | null;
}

export interface Facts {
  target: Target;
  intent: Intent;
  platform: 'linux' | 'darwin' | 'win32';
  gatheredAt: string;
  resolution: Fact<Resolution>;
  /** Listening sockets on the target's port, TCP and UDP. */
  listeners: Fact<ListenerTable>;
  probes: Fact<Probes>;
  port: Fact<PortFacts>;
  connections: Fact<PortConnections>;
  /** Firewall rules from every tool this OS has (nft, iptables, ufw, firewalld / pf / Windows Firewall). */
  firewall: Fact<FirewallFacts>;
  /** The doctor's own process: who would be allowed to stop what. */
  self: ProcessIdentity;
  /** With intent=start and the port taken: a nearby port proven free by binding it. */
  freePort: Fact<number> | null;
  /** Linux: /proc/version, read to tell whether this Linux runs inside WSL. Absent elsewhere. */
  wsl?: Fact<WslInfo>;
  /** Linux, when a TCP holder of the port has no readable owner: docker-proxy processes publishing it. */
  containerProxies?: Fact<ContainerProxy[]>;
  /** When nginx holds the port: the upstreams its config's proxy_pass lines name, and who listens there. */
  proxyConfig?: Fact<ProxyConfig>;
  /** What the recorder remembers about the port (DATA_DIR), or why recording is paused. */
  history?: Fact<HistoryFactValue>;
  /** Windows: TCP port ranges excluded from binding (Hyper-V/WinNAT reservations, administered ranges). */
  excludedPorts?: Fact<ExcludedPortRange[]>;
}

export interface Summary {
  severity: Severity;
  headline: string;
  /** Id of the finding the headline names as the cause, when there is one. */
  cause: FindingId | null;
  firstFix: Fix | null;
}

export interface Diagnosis {
  target: Target;
  facts: Facts;
  findings: Finding[];
  summary: Summary;
}
