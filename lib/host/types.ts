import type { LiveProcess, StopSignal } from '@/lib/host/actions/stop-decision';
import type { FirewallFacts } from '@/lib/host/firewall/types';
import type { ContainerProxy } from '@/lib/host/linux/docker-proxies';
import type { WslInfo } from '@/lib/host/linux/wsl';
import type {
  Listener,
  ListenerTable,
  ListListenersOptions,
  PortConnections,
} from '@/lib/host/listeners/types';
import type { ConnectionEnds, LocalPeer } from '@/lib/host/peer/types';
import type { EphemeralRange, PrivilegedBelow } from '@/lib/host/port-range';
import type { ExcludedPortRange } from '@/lib/host/win32/excluded-ports';

/** The operating systems this app has readers for; the same names Node gives them. */
export type HostPlatform = 'linux' | 'darwin' | 'win32';

/** Why a signal was not delivered. */
export interface SignalFailure {
  /** The OS said no (EPERM, "Access is denied"): a refusal, not a fault. */
  refused: boolean;
  reason: string;
  /** The polite request could not be delivered at all, so the next step is force (Windows console programs). */
  forceNext?: boolean;
}

/** What stopping a port's holder needs to read and do on this OS. */
export interface HostProcesses {
  /** The process with this pid right now (name, owner, start time), null when there is none. */
  live(pid: number, holders: Listener[]): LiveProcess | null;
  /** Exists (even if not ours to signal), has not exited, and still has the start time it had. */
  stillRunning(pid: number, startedAt: string | null): boolean;
  /** null when the signal was delivered (or the process was already gone). */
  signal(pid: number, signal: StopSignal): Promise<SignalFailure | null>;
}

/**
 * Everything the app reads from, or does to, the operating system, in one shape for every OS. One
 * implementation per OS folder (lib/host/linux, darwin, win32); lib/host/index.ts picks one, once.
 * Facts only one OS has are optional: a caller asks whether the reader exists, never which OS this is.
 */
export interface HostAdapter {
  /** Node's name for this OS (another name than linux, darwin or win32 means no readers for it). */
  platform: NodeJS.Platform;
  listListeners(options?: ListListenersOptions): Promise<ListenerTable>;
  /** TCP sockets (not listeners) on `port`, as either end, counted by state with a sample. */
  connectionsOnPort(port: number): Promise<PortConnections>;
  /** The range the OS picks source ports from for outgoing connections. */
  readEphemeralRange(): Promise<EphemeralRange>;
  /** Below which port a bind needs extra rights. */
  readPrivilegedBelow(): Promise<PrivilegedBelow>;
  /** This OS's firewall rules in the one rule model; every source carries this platform. */
  readFirewall(): Promise<FirewallFacts>;
  processes: HostProcesses;
  /** Who holds the client end of a loopback TCP connection to this process (throws when the reader fails). */
  localPeer(ends: ConnectionEnds): Promise<LocalPeer>;
  /** Where this OS keeps its hosts file. */
  hostsFilePath(): string;
  /** Linux: the listening socket inodes as one string, far cheaper than a listing (did any socket open or close?). */
  listeningSignature?: () => string | null;
  /** The working directory of a process when this OS lets it be read cheaply (Linux /proc/<pid>/cwd). */
  processCwd?: (pid: number) => string | null;
  /** Linux: whether it runs inside WSL (/proc/version). */
  readWsl?: () => Promise<WslInfo>;
  /** Windows: the TCP port ranges it will not let applications bind. */
  readExcludedPorts?: () => Promise<ExcludedPortRange[]>;
  /** Linux: docker-proxy processes publishing `port`, named even when their sockets show no owner. */
  findContainerProxies?: (port: number) => Promise<ContainerProxy[]>;
}
