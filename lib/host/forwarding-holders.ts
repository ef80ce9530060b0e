/**
 * Processes that hold a port on behalf of something else: a container runtime publishing a container's
 * port, or WSL relaying a Linux service to Windows. Stopping them is the wrong fix (the container keeps
 * running, Docker or WSL breaks), so checks and the stop action both recognise them here. Pure.
 */

export type HolderKind = 'container' | 'wsl-relay' | 'portproxy';

export interface ForwardingHolder {
  kind: HolderKind;
  /** What the user would call it: "Docker (docker-proxy)", "rootless Docker (rootlesskit)". */
  runtime: string;
}

// Exact process names (lower-case, without .exe). Linux comm is cut at 15 characters, so the
// containerd shims ("containerd-shim-runc-v2") are matched by prefix below.
const BY_NAME: Record<string, ForwardingHolder> = {
  'docker-proxy': { kind: 'container', runtime: 'Docker (docker-proxy)' },
  rootlesskit: { kind: 'container', runtime: 'rootless Docker or Podman (rootlesskit)' },
  rootlessport: { kind: 'container', runtime: 'rootless Podman (rootlessport)' },
  'com.docker.backend': { kind: 'container', runtime: 'Docker Desktop (com.docker.backend)' },
  'com.docker.vpnkit': { kind: 'container', runtime: 'Docker Desktop (vpnkit)' },
  vpnkit: { kind: 'container', runtime: 'Docker Desktop (vpnkit)' },
  'vpnkit-bridge': { kind: 'container', runtime: 'Docker Desktop (vpnkit)' },
  gvproxy: { kind: 'container', runtime: 'Podman machine (gvproxy)' },
  wslrelay: { kind: 'wsl-relay', runtime: 'WSL (wslrelay)' },
  // User-mode networking of rootless containers and VM-based runtimes: killing these cuts the container off.
  pasta: { kind: 'container', runtime: 'rootless Podman (pasta)' },
  passt: { kind: 'container', runtime: 'rootless Podman (passt)' },
  slirp4netns: { kind: 'container', runtime: 'rootless containers (slirp4netns)' },
  limactl: { kind: 'container', runtime: 'Lima / Colima (limactl)' },
  orbstack: { kind: 'container', runtime: 'OrbStack' },
  'orbstack helper': { kind: 'container', runtime: 'OrbStack' },
};

function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? name;
  return last.toLowerCase().replace(/\.exe$/, '');
}

/**
 * The runtime behind a holder, from its process name and command line; null for an ordinary process.
 * Windows' "IP Helper" service (iphlpsvc, inside svchost) is what answers for `netsh interface portproxy`.
 */
export function forwardingHolder(name: string | null, command: string | null): ForwardingHolder | null {
  if (name) {
    const base = baseName(name);
    if (BY_NAME[base]) return BY_NAME[base];
    if (base.startsWith('containerd-shim'))
      return { kind: 'container', runtime: 'containerd (containerd-shim)' };
    if (base.startsWith('com.docker.')) return { kind: 'container', runtime: `Docker Desktop (${base})` };
    if (base === 'svchost' && command && /\biphlpsvc\b/i.test(command))
      return { kind: 'portproxy', runtime: 'Windows port proxy (IP Helper service)' };
  }
  // comm can be cut or renamed; the executable in the command line is the second witness.
  const executable = command?.trim().split(/\s+/)[0];
  if (executable && executable !== name) {
    const base = baseName(executable);
    if (BY_NAME[base]) return BY_NAME[base];
    if (base.startsWith('containerd-shim'))
      return { kind: 'container', runtime: 'containerd (containerd-shim)' };
  }
  return null;
}

export interface DockerProxyPublish {
  hostIp: string | null;
  hostPort: number;
  containerIp: string | null;
  containerPort: number | null;
  proto: string;
}

/**
 * What a docker-proxy command line says it forwards:
 * `/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80`.
 */
export function parseDockerProxyArgs(command: string): DockerProxyPublish | null {
  const args = command.split(/\s+/);
  const value = (flag: string): string | null => {
    const at = args.findIndex((a) => a === flag || a === `-${flag}`);
    if (at >= 0) return args[at + 1] ?? null;
    const joined = args.find((a) => a.startsWith(`${flag}=`) || a.startsWith(`-${flag}=`));
    return joined ? joined.slice(joined.indexOf('=') + 1) : null;
  };
  const hostPort = Number(value('-host-port'));
  if (!Number.isInteger(hostPort) || hostPort < 1 || hostPort > 65535) return null;
  const containerPort = Number(value('-container-port'));
  return {
    hostIp: value('-host-ip'),
    hostPort,
    containerIp: value('-container-ip'),
    containerPort: Number.isInteger(containerPort) && containerPort > 0 ? containerPort : null,
    proto: value('-proto') ?? 'tcp',
  };
}
