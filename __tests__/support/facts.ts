/**
 * Fixture facts: a plausible machine state, overridable piece by piece. The one set of builders for check
 * tests and, run through the engine (fixtures/diagnoses.ts), for the diagnoses component tests render.
 */
import type { Facts, Fact, ResolvedAddress } from '@/lib/diagnosis/types';
import type { Listener, ListenerTable, PortConnections } from '@/lib/host/listeners/types';
import type { AppProbe, ConnectAttempt, HttpAnswer } from '@/lib/probe/types';
import type { Target } from '@/lib/target';
import { parseTarget } from '@/lib/target';

export function ok<T>(value: T, source = 'fixture'): Fact<T> {
  return { status: 'ok', value, source, durationMs: 1 };
}

export function failed<T>(error: string, source = 'fixture'): Fact<T> {
  return { status: 'failed', error, source, durationMs: 1 };
}

export function target(text: string): Target {
  const p = parseTarget(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.target;
}

export function listener(address: string, port: number, over: Partial<Listener> = {}): Listener {
  return {
    protocol: 'tcp',
    address,
    port,
    family: address.includes(':') ? 'IPv6' : 'IPv4',
    pid: 812,
    process: 'node',
    command: 'node server.js',
    user: 'dev',
    uid: 1000,
    startedAt: '2026-11-26T05:00:00.000Z',
    memoryBytes: 50_000_000,
    argv: null,
    executable: null,
    ...over,
  };
}

export function table(listeners: Listener[]): ListenerTable {
  return { listeners, source: '/proc/net/tcp', partial: false, warnings: [] };
}

export function attempt(
  address: string,
  port: number,
  outcome: ConnectAttempt['outcome'],
  timeMs = 1,
): ConnectAttempt {
  const codes: Record<string, string> = {
    refused: 'ECONNREFUSED',
    timeout: 'ETIMEDOUT',
    reset: 'ECONNRESET',
  };
  return {
    address,
    port,
    family: address.includes(':') ? 'IPv6' : 'IPv4',
    outcome,
    timeMs,
    ...(codes[outcome] ? { errorCode: codes[outcome] } : {}),
  };
}

export function httpAnswer(status: number, over: Partial<HttpAnswer> = {}): HttpAnswer {
  return {
    httpVersion: '1.1',
    status,
    reason: { 200: 'OK', 302: 'Found', 404: 'Not Found', 500: 'Internal Server Error' }[status] ?? 'Status',
    server: 'uvicorn',
    contentType: 'text/html',
    title: 'My App',
    location: null,
    ttfbMs: 3,
    bodyBytes: 120,
    bodyTruncated: false,
    ...over,
  };
}

export function app(address: string, port: number, over: Partial<AppProbe>): AppProbe {
  return {
    address,
    port,
    kind: 'http',
    protocol: 'HTTP',
    banner: null,
    http: null,
    tls: null,
    timeMs: 4,
    ...over,
  };
}

export function connections(port: number, byState: PortConnections['byState'] = {}): PortConnections {
  const total = Object.values(byState).reduce((a, b) => a + (b ?? 0), 0);
  return { port, byState, total, sample: [], source: 'fixture', partial: false, warnings: [] };
}

interface Scenario {
  target?: string;
  addresses?: ResolvedAddress[];
  listeners?: Listener[];
  attempts?: ConnectAttempt[];
  application?: AppProbe | null;
  intent?: Facts['intent'];
  connections?: PortConnections;
  freePort?: number;
  ephemeral?: { low: number; high: number };
}

/** Facts for one situation: "127.0.0.1:3000, nothing listens" unless told otherwise. */
export function makeFacts(s: Scenario = {}): Facts {
  const t = target(s.target ?? '127.0.0.1:3000');
  const addresses = s.addresses ?? [{ address: t.host, family: t.host.includes(':') ? 'IPv6' : 'IPv4' }];
  const eph = s.ephemeral ?? { low: 32768, high: 60999 };
  return {
    target: t,
    intent: s.intent ?? 'reach',
    platform: 'linux',
    gatheredAt: '2026-11-26T05:30:00.000Z',
    resolution: ok({ host: t.host, addresses }),
    listeners: ok(table(s.listeners ?? [])),
    probes: ok({
      attempts: s.attempts ?? addresses.map((a) => attempt(a.address, t.port, 'refused')),
      application: s.application ?? null,
    }),
    port: ok({
      port: t.port,
      ianaRange: t.port < 1024 ? 'well-known' : t.port < 49152 ? 'registered' : 'dynamic',
      privileged: t.port < 1024,
      privilegedBelow: { port: 1024, source: '/proc/sys/net/ipv4/ip_unprivileged_port_start' },
      ephemeral: { ...eph, source: '/proc/sys/net/ipv4/ip_local_port_range' },
      inEphemeralRange: t.port >= eph.low && t.port <= eph.high,
    }),
    connections: ok(s.connections ?? connections(t.port)),
    // No firewall tool answered: the firewall checks stay silent unless a test supplies rules.
    firewall: ok({ sources: [], chains: [], rules: [], skippedInterfaces: [], notes: [] }),
    self: { pid: 4242, uid: 1000, user: 'dev' },
    freePort: s.freePort === undefined ? null : ok(s.freePort),
  };
}
