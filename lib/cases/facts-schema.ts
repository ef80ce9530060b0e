/**
 * The facts inside an imported diagnosis, checked field by field as the checks read them, so that
 * runChecks(facts) on a case file from anywhere sees the types it was written for. Objects are loose: a case
 * file from a newer doctor with extra fields still opens. Strings are capped because a case file is outside
 * text of someone else's machine.
 */
import { z } from 'zod';

const text = (max = 20_000) => z.string().max(max);
const nullableText = (max = 20_000) => text(max).nullable();
const port = z.number().int().min(0).max(65_535);
const count = z.number().int().min(0);
const ms = z.number().min(0).max(1e9);
const family = z.enum(['IPv4', 'IPv6']);
const platform = z.enum(['linux', 'darwin', 'win32']);
const strings = z.array(text()).max(10_000);

/** A gathered fact: its value or why it failed, where from and how long it took. */
const fact = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('status', [
    z.looseObject({ status: z.literal('ok'), value, source: text(), durationMs: ms }),
    z.looseObject({ status: z.literal('failed'), error: text(), source: text(), durationMs: ms }),
  ]);

export const targetSchema = z.looseObject({
  input: text(2048),
  host: text(253),
  hostKind: z.enum(['ipv4', 'ipv6', 'name']),
  port: z.number().int().min(1).max(65_535),
  scheme: z.enum(['http', 'https']).nullable(),
  path: text(4096),
  display: text(300),
  notes: z.array(text()).max(20),
});

const resolvedAddress = z.looseObject({ address: text(100), family });
const resolution = z.looseObject({
  host: text(253),
  addresses: z.array(resolvedAddress).max(256),
  ignored: z.array(resolvedAddress).max(256).optional(),
});

export const listenerSchema = z.looseObject({
  protocol: z.enum(['tcp', 'udp']),
  address: text(100),
  port,
  family,
  pid: count.nullable(),
  process: nullableText(),
  command: nullableText(),
  argv: z.array(text()).max(4096).nullable(),
  executable: nullableText(),
  user: nullableText(),
  uid: count.nullable(),
  startedAt: nullableText(100),
  memoryBytes: z.number().min(0).nullable(),
  inode: count.optional(),
});

const listenerTable = z.looseObject({
  listeners: z.array(listenerSchema).max(10_000),
  source: text(),
  partial: z.boolean(),
  warnings: strings,
});

const connectAttempt = z.looseObject({
  address: text(100),
  family,
  port,
  outcome: z.enum(['open', 'refused', 'timeout', 'reset', 'unreachable', 'error']),
  timeMs: ms,
  errorCode: text(100).optional(),
});

const httpAnswer = z.looseObject({
  httpVersion: text(20),
  status: z.number().int().min(0).max(999),
  reason: text(),
  server: nullableText(),
  contentType: nullableText(),
  title: nullableText(),
  location: nullableText(),
  ttfbMs: ms,
  bodyBytes: count,
  bodyTruncated: z.boolean(),
});

const tlsAnswer = z.looseObject({
  protocol: nullableText(),
  cipher: nullableText(),
  subject: nullableText(),
  issuer: nullableText(),
  validTo: nullableText(),
  authorizationError: nullableText(),
  validFrom: nullableText().optional(),
  altNames: z.array(text()).max(1000).optional(),
  selfSigned: z.boolean().optional(),
  checkedHost: text().optional(),
  nameMismatch: nullableText().optional(),
});

const appProbe = z.looseObject({
  address: text(100),
  port,
  kind: z.enum(['http', 'https', 'tls', 'banner', 'no-response', 'closed', 'reset', 'error']),
  protocol: nullableText(),
  banner: nullableText(),
  http: httpAnswer.nullable(),
  tls: tlsAnswer.nullable(),
  timeMs: ms,
  message: text().optional(),
});

const probes = z.looseObject({
  attempts: z.array(connectAttempt).max(256),
  application: appProbe.nullable(),
});

const portFacts = z.looseObject({
  port,
  ianaRange: z.enum(['well-known', 'registered', 'dynamic']),
  privileged: z.boolean(),
  privilegedBelow: z.looseObject({ port, source: text() }),
  ephemeral: z.looseObject({ low: port, high: port, source: text() }),
  inEphemeralRange: z.boolean(),
});

const tcpState = z.enum([
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
  'UNKNOWN',
]);

const portConnections = z.looseObject({
  port,
  byState: z.partialRecord(tcpState, count),
  total: count,
  sample: z
    .array(
      z.looseObject({
        state: tcpState,
        localAddress: text(100),
        localPort: port,
        remoteAddress: text(100),
        remotePort: port,
      }),
    )
    .max(1000),
  source: text(),
  partial: z.boolean(),
  warnings: strings,
});

const firewallTool = z.enum([
  'nft',
  'iptables',
  'ip6tables',
  'iptables-legacy',
  'ip6tables-legacy',
  'ufw',
  'firewalld',
  'pf',
  'socketfilterfw',
  'netsh',
  'powershell',
]);
const portMatch = z.looseObject({
  ranges: z.array(z.looseObject({ low: port, high: port })).max(1000),
  negated: z.boolean(),
});
const addressMatch = z.looseObject({ cidrs: z.array(text(100)).max(1000), negated: z.boolean() });
const interfaceMatch = z.looseObject({ names: z.array(text(100)).max(1000), negated: z.boolean() });
const ruleAction = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('accept') }),
  z.looseObject({ kind: z.literal('drop') }),
  z.looseObject({ kind: z.literal('reject'), with: nullableText() }),
  z.looseObject({ kind: z.literal('jump'), chain: text() }),
  z.looseObject({ kind: z.literal('goto'), chain: text() }),
  z.looseObject({ kind: z.literal('return') }),
  z.looseObject({ kind: z.literal('continue') }),
]);
const firewallRule = z.looseObject({
  tool: firewallTool,
  family: z.enum(['ipv4', 'ipv6', 'any']),
  table: text(),
  chain: nullableText(),
  handle: z.number().int().nullable(),
  position: z.number().int(),
  direction: z.enum(['input', 'output']).nullable(),
  quick: z.boolean().optional(),
  match: z.looseObject({
    protocol: nullableText(),
    dports: portMatch.nullable(),
    sports: portMatch.nullable(),
    inInterface: interfaceMatch.nullable(),
    outInterface: interfaceMatch.nullable(),
    source: addressMatch.nullable(),
    destination: addressMatch.nullable(),
    ctStates: z.array(text(100)).max(100).nullable(),
    unknown: strings,
  }),
  action: ruleAction,
  text: text(),
  location: text(),
  remove: z.array(text()).max(100).nullable(),
  managedBy: z.enum(['ufw', 'firewalld']).optional(),
});
const firewallChain = z.looseObject({
  tool: firewallTool,
  family: text(100),
  table: text(),
  name: text(),
  hook: z.enum(['prerouting', 'input', 'forward', 'output', 'postrouting']).nullable(),
  type: nullableText(),
  priority: z.number(),
  policy: z.enum(['accept', 'drop']).nullable(),
  policyText: nullableText(),
  policyFix: z.array(text()).max(100).nullable(),
});
const firewallFacts = z.looseObject({
  sources: z
    .array(
      z.looseObject({
        tool: firewallTool,
        platform,
        command: text(),
        status: z.enum(['read', 'denied', 'inactive', 'failed']),
        detail: nullableText(),
        sudo: z.array(text()).max(100).nullable(),
        rules: count,
      }),
    )
    .max(100),
  chains: z.array(firewallChain).max(10_000),
  rules: z.array(firewallRule).max(10_000),
  skippedInterfaces: z.array(text(100)).max(1000),
  notes: strings,
});

const containerProxy = z.looseObject({
  pid: count,
  hostIp: nullableText(100),
  hostPort: port,
  containerIp: nullableText(100),
  containerPort: port.nullable(),
  proto: text(20),
});

const proxyConfig = z.looseObject({
  proxy: z.enum(['nginx', 'Caddy', 'Apache']),
  config: z.looseObject({ path: text(), from: z.enum(['command line', 'default']) }),
  included: strings,
  upstreams: z
    .array(
      z.looseObject({
        host: text(253),
        port,
        line: text(),
        listeners: z.array(listenerSchema).max(1000),
      }),
    )
    .max(1000),
});

export const factsSchema = z.looseObject({
  target: targetSchema,
  intent: z.enum(['reach', 'start']),
  platform,
  gatheredAt: z.iso.datetime(),
  resolution: fact(resolution),
  listeners: fact(listenerTable),
  probes: fact(probes),
  port: fact(portFacts),
  connections: fact(portConnections),
  firewall: fact(firewallFacts),
  self: z.looseObject({ pid: count, uid: count.nullable(), user: nullableText() }),
  freePort: fact(port).nullable(),
  wsl: fact(
    z.looseObject({
      isWsl: z.boolean(),
      version: z.union([z.literal(1), z.literal(2)]).nullable(),
      kernel: nullableText(),
    }),
  ).optional(),
  containerProxies: fact(z.array(containerProxy).max(1000)).optional(),
  proxyConfig: fact(proxyConfig).optional(),
  excludedPorts: fact(
    z.array(z.looseObject({ start: port, end: port, administered: z.boolean(), family })).max(10_000),
  ).optional(),
});
