import type { Family } from '@/lib/net';

export type Protocol = 'tcp' | 'udp';

/** One listening socket (TCP in LISTEN, or a bound UDP socket) and, when readable, who owns it. */
export interface Listener {
  protocol: Protocol;
  /** Bound address as the OS reports it: '127.0.0.1', '::1', '0.0.0.0' / '::' (the wildcards), '192.168.1.5'. */
  address: string;
  port: number;
  family: Family;
  /** null when the owner could not be read (another user's process without root, another namespace). */
  pid: number | null;
  /** Short process name ('node', 'python3'). */
  process: string | null;
  /** Full command line, arguments joined by spaces. */
  command: string | null;
  /**
   * The same command line as its words, when the OS gives them apart (Linux /proc/<pid>/cmdline); null on
   * macOS and Windows, where `command` is the only form. Capped like `command`.
   */
  argv: string[] | null;
  /** Path of the running binary when cheap to read (Linux /proc/<pid>/exe); null otherwise. */
  executable: string | null;
  /** The owner's working directory (Linux /proc/<pid>/cwd), where its relative paths start; absent elsewhere. */
  cwd?: string | null;
  user: string | null;
  uid: number | null;
  /** ISO time the owning process started. */
  startedAt: string | null;
  /** Resident memory of the owner in bytes. */
  memoryBytes: number | null;
  /** Kernel socket inode (Linux) — lets a caller tell a restarted socket from the same one. */
  inode?: number;
  /**
   * Every process holding this socket when more than one does (a prefork server's master and workers),
   * as `ss -ltnp` lists them. Only in a lookup for one port (Linux).
   */
  holders?: SocketHolderInfo[];
  /** The holder whose exit closes the socket (the master), when several hold it. */
  lifetimeOwner?: SocketHolderInfo;
}

export interface SocketHolderInfo {
  pid: number;
  process: string | null;
  user: string | null;
  uid: number | null;
  startedAt: string | null;
  /** null when its fds could not be read. */
  fd: number | null;
  /** false: inferred (the parent of a holder, same program, fds not readable to us), not read. */
  confirmed: boolean;
}

export interface ListenerTable {
  listeners: Listener[];
  /** Where the rows came from, e.g. "/proc/net/{tcp,tcp6,udp,udp6} + /proc/<pid>/fd" or "lsof -F". */
  source: string;
  /** True when some rows lack an owner or a source could not be read. */
  partial: boolean;
  /** Plain sentences a person can act on ("3 sockets whose owner could not be read: run with sudo"). */
  warnings: string[];
}

export interface ListListenersOptions {
  /** Only sockets bound to this port (lets the Linux adapter stop scanning early). */
  port?: number;
  protocols?: Protocol[];
}

export type TcpState =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING'
  | 'NEW_SYN_RECV'
  | 'UNKNOWN';

/** One non-listening TCP socket that touches the port (as the local or the remote end). */
export interface Connection {
  state: TcpState;
  localAddress: string;
  localPort: number;
  remoteAddress: string;
  remotePort: number;
}

/** TCP sockets on a port by state, both ends counted (a client's TIME_WAIT toward :3000 counts too). */
export interface PortConnections {
  port: number;
  byState: Partial<Record<TcpState, number>>;
  total: number;
  /** Up to 50 of them, for the Monitor step. */
  sample: Connection[];
  source: string;
  partial: boolean;
  warnings: string[];
  /** Sockets of the doctor's own probes (this one's and earlier ones' TIME_WAIT), not counted above. */
  ownProbesLeftOut?: number;
}
