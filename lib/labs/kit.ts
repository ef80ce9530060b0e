import 'server-only';
import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, type CommandResult } from '@/lib/exec';
import { isPortFree, POPULAR_DEV_PORTS } from '@/lib/host/free-port';
import { readEphemeralRange } from '@/lib/host/port-range';
import {
  killOwnedProcessNow,
  startLabService,
  stopOwnedProcess,
  type OwnedProcess,
  type ServiceAddress,
} from './processes';

/** What lab-service.mjs reads from server.json. */
export interface ServiceConfig {
  host: string;
  port: number;
  tls?: boolean;
  /** A file in the run directory whose presence makes every request wait (a stale lock). */
  lockFile?: string;
  /** A settings file that must hold a "database" entry, else every request is a 500. */
  settingsFile?: string;
}

/** Everything a lab may use to build its situation; whatever it starts through the kit, the run owns. */
export interface LabKit {
  /** The run's own directory (configs, certificate, lock files); removed when the run ends. */
  dir: string;
  file(name: string): string;
  writeJson(name: string, value: unknown): Promise<void>;
  /** A port free on 127.0.0.1, 127.0.0.2 and ::1 now (proven by binding), outside the ephemeral range. */
  pickPort(): Promise<number>;
  /** Writes server.json and starts the service on it; resolves once it listens. */
  startService(
    config: ServiceConfig,
    options?: { role?: string; crashAfterMs?: number },
  ): Promise<{ process: OwnedProcess; address: ServiceAddress }>;
  /** A restart of a running service (it re-reads server.json), waiting for its next listening line. */
  restartService(p: OwnedProcess): Promise<ServiceAddress>;
  /** A self-signed certificate for localhost and 127.0.0.1 in the run directory (key.pem, cert.pem). */
  makeCertificate(): Promise<void>;
  /** Creates the run's network namespace (loopback up); services started afterwards run inside it. */
  createNamespace(): Promise<string>;
  /** A command run to completion inside the namespace, through lib/exec.ts. */
  inNamespace(command: string, args: string[]): Promise<CommandResult>;
}

/** What a run owns: exactly what its kit created, and nothing else is ever stopped or deleted. */
export interface RunResources {
  dir: string;
  processes: OwnedProcess[];
  namespace: string | null;
}

let namespaceCounter = 0;
const FIRST_LAB_PORT = 20000;
const LAST_LAB_PORT = 32000;

async function ipv6Loopback(): Promise<boolean> {
  return isPortFree('::1', 0);
}

function must(result: CommandResult, what: string): CommandResult {
  if (result.code !== 0)
    throw new Error(`${what} failed: ${(result.error ?? result.stderr).trim() || `exit ${result.code}`}`);
  return result;
}

export function createKit(): { kit: LabKit; resources: RunResources } {
  const resources: RunResources = {
    dir: mkdtempSync(join(tmpdir(), 'ld-lab-')),
    processes: [],
    namespace: null,
  };
  const file = (name: string) => join(resources.dir, name);
  const writeJson = (name: string, value: unknown) =>
    writeFile(file(name), JSON.stringify(value, null, 2) + '\n');

  const kit: LabKit = {
    dir: resources.dir,
    file,
    writeJson,
    async pickPort() {
      const range = await readEphemeralRange().catch(() => null);
      const hosts = ['127.0.0.1', '127.0.0.2', ...((await ipv6Loopback()) ? ['::1'] : [])];
      for (let i = 0; i < 50; i++) {
        const port = FIRST_LAB_PORT + Math.floor(Math.random() * (LAST_LAB_PORT - FIRST_LAB_PORT));
        if (POPULAR_DEV_PORTS.has(port)) continue;
        if (range && port >= range.low && port <= range.high) continue;
        const free = await Promise.all(hosts.map((h) => isPortFree(h, port)));
        if (free.every(Boolean)) return port;
      }
      throw new Error('no free port found for the lab');
    },
    async startService(config, options = {}) {
      await writeJson('server.json', config);
      return startLabService({
        dir: resources.dir,
        role: options.role ?? 'the lab’s service',
        namespace: resources.namespace,
        extraArgs: options.crashAfterMs ? ['--crash-after-ms', String(options.crashAfterMs)] : [],
        onStarted: (p) => resources.processes.push(p),
      });
    },
    async restartService(p) {
      const before = p.addresses.length;
      process.kill(p.pid, 'SIGHUP');
      for (let waited = 0; waited < 5000; waited += 50) {
        if (p.addresses.length > before) return p.addresses[p.addresses.length - 1]!;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${p.role} did not listen again after its restart`);
    },
    async makeCertificate() {
      must(
        await runCommand(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-keyout',
            file('key.pem'),
            '-out',
            file('cert.pem'),
            '-days',
            '2',
            '-subj',
            '/CN=localhost',
            '-addext',
            'subjectAltName=DNS:localhost,IP:127.0.0.1',
          ],
          { timeoutMs: 10_000 },
        ),
        'openssl (making the lab’s certificate)',
      );
    },
    async createNamespace() {
      const name = `ldlab-${process.pid}-${++namespaceCounter}`;
      must(await runCommand('ip', ['netns', 'add', name]), `ip netns add ${name}`);
      resources.namespace = name;
      must(await runCommand('ip', ['-n', name, 'link', 'set', 'lo', 'up']), 'ip link set lo up');
      return name;
    },
    async inNamespace(command, args) {
      if (!resources.namespace) throw new Error('the lab has no namespace');
      return runCommand('ip', ['netns', 'exec', resources.namespace, command, ...args], {
        timeoutMs: 10_000,
      });
    },
  };
  return { kit, resources };
}

/** Ends everything the run created: its processes (by pid), its namespace, its directory. */
export async function releaseResources(resources: RunResources): Promise<void> {
  await Promise.all(resources.processes.map((p) => stopOwnedProcess(p)));
  if (resources.namespace) {
    await runCommand('ip', ['netns', 'del', resources.namespace]);
    resources.namespace = null;
  }
  rmSync(resources.dir, { recursive: true, force: true });
}

/** The synchronous last resort when the app exits without its signal handlers: SIGKILL by pid. */
export function killResourcesNow(resources: RunResources): void {
  for (const p of resources.processes) killOwnedProcessNow(p);
}
