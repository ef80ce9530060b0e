import 'server-only';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDockerProxyArgs, type DockerProxyPublish } from '@/lib/host/forwarding-holders';
import { parseCmdline } from '@/lib/host/linux/processes';

/** A docker-proxy process and the port it publishes, read from /proc/<pid>/cmdline. */
export interface ContainerProxy extends DockerProxyPublish {
  pid: number;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // exited while we looked
  }
}

/**
 * docker-proxy processes that publish `port` (Linux). They run as root, so without root their sockets
 * show no owner; their comm and cmdline, though, are world-readable, and the cmdline names the host port,
 * so the holder can still be named without guessing.
 */
export function findDockerProxies(port: number, procRoot = '/proc'): ContainerProxy[] {
  const found: ContainerProxy[] = [];
  for (const entry of readdirSync(/*turbopackIgnore: true*/ procRoot)) {
    if (!/^\d+$/.test(entry)) continue;
    if (readOrNull(`${procRoot}/${entry}/comm`)?.trim() !== 'docker-proxy') continue;
    const command = parseCmdline(readOrNull(`${procRoot}/${entry}/cmdline`) ?? '');
    const publish = command ? parseDockerProxyArgs(command) : null;
    if (publish && publish.hostPort === port) found.push({ pid: Number(entry), ...publish });
  }
  return found;
}
