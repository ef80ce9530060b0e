/**
 * Finding ids are declared once, by the check that produces them: this ties the declarations to what the
 * checks really produce on fixture situations, to the summary's cause order, and to the README's list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS } from '@/lib/diagnosis/checks';
import { CAUSE_ORDER } from '@/lib/diagnosis/summary';
import type { Facts } from '@/lib/diagnosis/types';
import {
  app,
  attempt,
  connections,
  failed,
  httpAnswer,
  listener,
  makeFacts,
  ok,
} from '@/__tests__/support/facts';
import { iptables, save, source } from '@/__tests__/unit/checks/firewall-fixture';
import { minutesBefore, moved, portHistory, recorded, withHistory } from '@/__tests__/support/history-facts';

const declared = CHECKS.flatMap((check) => Object.keys(check.ids));
const both = [
  { address: '::1', family: 'IPv6' as const },
  { address: '127.0.0.1', family: 'IPv4' as const },
];
const serving = (over: Parameters<typeof app>[2], target = '127.0.0.1:3000') =>
  makeFacts({
    target,
    listeners: [listener('127.0.0.1', 3000)],
    attempts: [attempt('127.0.0.1', 3000, 'open')],
    application: app('127.0.0.1', 3000, over),
  });
const timedOut = (fw: Facts['firewall']): Facts => ({
  ...makeFacts({
    target: '127.0.0.1:5000',
    listeners: [listener('127.0.0.1', 5000)],
    attempts: [attempt('127.0.0.1', 5000, 'timeout', 1500)],
  }),
  firewall: fw,
});
const DOCKER_PROXY =
  '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80';

/** One situation per kind of trouble (and of success), built like the check tests build theirs. */
const SITUATIONS: Facts[] = [
  makeFacts(),
  makeFacts({ target: '127.0.0.1:80', attempts: [attempt('127.0.0.1', 80, 'timeout', 1500)] }),
  makeFacts({ attempts: [attempt('127.0.0.1', 3000, 'open')] }),
  makeFacts({ attempts: [attempt('127.0.0.1', 3000, 'reset')] }),
  makeFacts({ attempts: [attempt('127.0.0.1', 3000, 'error')] }),
  makeFacts({
    target: 'localhost:3000',
    addresses: both,
    listeners: [listener('127.0.0.1', 3000)],
    attempts: [attempt('::1', 3000, 'unreachable'), attempt('127.0.0.1', 3000, 'open')],
  }),
  makeFacts({
    target: 'localhost:3000',
    addresses: both,
    listeners: [
      listener('127.0.0.1', 3000, { pid: 10, process: 'node' }),
      listener('::1', 3000, { pid: 20, process: 'vite' }),
    ],
    attempts: [attempt('::1', 3000, 'open'), attempt('127.0.0.1', 3000, 'open')],
  }),
  makeFacts({ target: '127.0.0.1:3000', listeners: [listener('127.0.0.2', 3000)] }),
  makeFacts({ target: '127.1:3000' }),
  makeFacts({ listeners: [listener('127.0.0.1', 3000, { protocol: 'udp' })] }),
  makeFacts({
    listeners: [
      listener('0.0.0.0', 3000, { pid: null, process: null, command: null, user: null, uid: null }),
    ],
    attempts: [attempt('127.0.0.1', 3000, 'open')],
    connections: connections(3000, { TIME_WAIT: 5000, ESTABLISHED: 2 }),
  }),
  { ...makeFacts({ target: 'localhost:3000', attempts: [] }), resolution: failed('ENOTFOUND localhost') },
  {
    ...makeFacts({ target: 'localhost:3000', attempts: [] }),
    resolution: ok({ host: 'localhost', addresses: [], ignored: [{ address: '10.1.2.3', family: 'IPv4' }] }),
  },
  { ...makeFacts(), connections: failed('permission denied') },
  serving({ http: httpAnswer(200) }),
  serving({ http: httpAnswer(500) }),
  serving({ http: httpAnswer(200) }, 'https://127.0.0.1:3000/'),
  serving({
    kind: 'https',
    protocol: 'HTTPS',
    http: httpAnswer(200),
    tls: {
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      subject: 'localhost',
      issuer: 'localhost',
      validTo: null,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    },
  }),
  serving(
    {
      kind: 'https',
      protocol: 'HTTPS',
      http: httpAnswer(200),
      tls: {
        protocol: 'TLSv1.3',
        cipher: 'TLS_AES_256_GCM_SHA384',
        subject: 'localhost',
        issuer: 'localhost',
        validFrom: '2020-01-01T00:00:00.000Z',
        validTo: '2020-01-02T00:00:00.000Z',
        altNames: [],
        selfSigned: true,
        checkedHost: '127.0.0.1',
        nameMismatch:
          "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
        authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      },
    },
    'https://127.0.0.1:3000/',
  ),
  serving({ kind: 'banner', protocol: 'SSH', banner: 'SSH-2.0-OpenSSH_9.2p1' }),
  serving({ kind: 'no-response', protocol: null, timeMs: 2850 }),
  serving({ kind: 'closed', protocol: null }),
  makeFacts({ target: '127.0.0.1:50000', intent: 'start' }),
  makeFacts({ intent: 'start', listeners: [listener('127.0.0.1', 3000)], freePort: 3002 }),
  makeFacts({
    target: '127.0.0.1:8080',
    intent: 'start',
    listeners: [
      listener('0.0.0.0', 8080, { pid: 2210, process: 'docker-proxy', command: DOCKER_PROXY, uid: 0 }),
    ],
    freePort: 8082,
  }),
  {
    ...makeFacts(),
    wsl: ok({ isWsl: true, version: 2 as const, kernel: '5.15.153.1-microsoft-standard-WSL2' }),
  },
  {
    ...makeFacts({ target: '127.0.0.1:62893' }),
    platform: 'win32',
    excludedPorts: ok([{ start: 62872, end: 62971, administered: false, family: 'IPv4' as const }]),
  },
  timedOut(ok(iptables(save(':INPUT ACCEPT [0:0]', '-A INPUT -p tcp -m tcp --dport 5000 -j DROP')))),
  timedOut(
    ok(
      iptables(
        save(':INPUT ACCEPT [0:0]', '-A INPUT -p tcp -m tcp --dport 5000 -m owner --uid-owner 0 -j DROP'),
      ),
    ),
  ),
  timedOut(ok(iptables(save(':INPUT ACCEPT [0:0]')))),
  timedOut(
    ok({ sources: [source('nft', 'denied')], chains: [], rules: [], skippedInterfaces: [], notes: [] }),
  ),
  // From memory: it stopped; it moved to 3001; a new pid since the last diagnosis; a crash loop; paused.
  withHistory(makeFacts(), portHistory({ events: [recorded('closed', 3), recorded('opened', 40)] })),
  withHistory(
    makeFacts(),
    portHistory({
      events: [recorded('opened', 30)],
      moved: [moved(listener('127.0.0.1', 3001, { pid: 950 }), recorded('opened', 30))],
    }),
  ),
  withHistory(
    makeFacts({
      listeners: [listener('127.0.0.1', 3000, { pid: 913 })],
      attempts: [attempt('127.0.0.1', 3000, 'open')],
    }),
    portHistory({
      previous: { at: minutesBefore(20), pids: [812] },
      events: [1, 2, 3, 4, 5, 6].map((m) => recorded(m % 2 ? 'opened' : 'closed', m)),
    }),
  ),
  withHistory(makeFacts(), {
    id: 'history-unavailable',
    dataDir: '/tmp/ld',
    reason: 'the disk is full',
    since: minutesBefore(1),
    retryAt: minutesBefore(0),
  }),
];

const produced = (check: (typeof CHECKS)[number]) =>
  SITUATIONS.flatMap((facts) => check.run(facts).map((f) => f.id as string));

describe('finding ids', () => {
  test('every id a check declares is produced by that check in some fixture situation, and no other', () => {
    const mismatches = CHECKS.flatMap((check) => {
      const ids = Object.keys(check.ids).sort();
      const seen = [...new Set(produced(check))].sort();
      return JSON.stringify(ids) === JSON.stringify(seen) ? [] : [{ declared: ids, produced: seen }];
    });
    expect(mismatches).toEqual([]);
  });

  test('no id is declared by two checks', () => {
    expect(new Set(declared).size).toBe(declared.length);
  });

  test('the cause order derived from the declared ranks is the summary order the tests rely on', () => {
    expect(CAUSE_ORDER).toEqual([
      'resolution-failed',
      'localhost-not-loopback',
      'port-excluded',
      'port-taken',
      'container-holder',
      'wsl-forwarding',
      'moved-port',
      'was-listening',
      'no-listener',
      'unlisted-listener',
      'family-mismatch',
      'bound-elsewhere',
      'firewall-blocks',
      'timeout',
      'reset',
      'refused',
      'unreachable',
      'connect-error',
      'closed',
      'no-response',
      'tls-not-offered',
      'tls-expected',
      'tls-untrusted',
      'tls-name-mismatch',
      'tls-expired',
      'http-error',
      'not-http',
      'split-listeners',
      'owner-hidden',
      'firewall-unreadable',
      'firewall-uncertain',
      'fact-unavailable',
      'restarted',
      'flapping',
      'time-wait-buildup',
      'wildcard-exposed',
      'privileged-port',
      'ephemeral-port',
      'http-ok',
      'listening',
      'port-free',
    ]);
    const ranks = CHECKS.flatMap((check) => Object.values(check.ids)).filter((r) => r !== null);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  test('the README lists exactly the ids the checks declare', () => {
    const readme = readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    const section = readme.split('\n## What it checks\n')[1]!.split('\n## ')[0]!;
    const list = section.split('Pure checks turn those facts into findings')[1]!;
    const documented = [...list.matchAll(/`([a-z]+(?:-[a-z]+)*)`/g)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...declared].sort());
  });
});
