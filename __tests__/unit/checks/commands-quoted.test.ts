/**
 * Every command any check shows, for any target and any text a server or process put into the facts:
 * the POSIX ones parse back (shell-quote) to exactly the words and operators they were built from, and the
 * others are exactly their script rendered for their shell.
 */
import fc from 'fast-check';
import { parse, type ParseEntry } from 'shell-quote';
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Facts, Fix } from '@/lib/diagnosis/types';
import { isPortableWord } from '@/lib/shell/quote';
import { RAW, renderScript, type Script } from '@/lib/shell/script';
import { parseTarget } from '@/lib/target';
import { app, attempt, connections, httpAnswer, listener, makeFacts, ok } from '@/__tests__/support/facts';
import { firewall, iptables, save, source } from '@/__tests__/unit/checks/firewall-fixture';

const parseSh = (line: string): ParseEntry[] => parse(line, (name) => `$${name}`);

/** What shell-quote must read from the rendered line: the words and declared operators, nothing else. */
function expected(script: Script): ParseEntry[] {
  return script.flatMap((p): ParseEntry[] => {
    if ('word' in p) return [p.word];
    if ('op' in p) return [{ op: p.op }];
    if ('env' in p) return [`${p.env}=${p.value}`];
    return parseSh(RAW[p.raw]);
  });
}

function assertQuoted(fix: Fix): void {
  if (fix.shell === 'code' || fix.shell === 'address') return expect(fix.script).toBeUndefined();
  expect(fix.script).toBeDefined();
  const script = fix.script!;
  if (fix.shell === 'posix' || fix.shell === 'portable')
    expect(parseSh(fix.command)).toEqual(expected(script));
  if (fix.shell === 'portable') {
    expect(fix.platform).toBe('any');
    expect(script.every((p) => 'word' in p && isPortableWord(p.word))).toBe(true);
  } else {
    expect(fix.command).toBe(renderScript(fix.shell, script));
  }
}

const meta = fc.constantFrom(...'$()`\'";&|<>{}[]*?~#!%^=, \\'.split(''), '$(touch${IFS}/tmp/x)', '`id`');
const outside = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.array(fc.oneof(meta, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((a) => a.join('')),
);
const targetText = fc
  .tuple(
    fc.constantFrom('127.0.0.1', 'localhost', '[::1]', 'api.localhost', '0.0.0.0', 'my_db'),
    fc.integer({ min: 1, max: 65535 }),
    fc.array(fc.oneof(meta, fc.string({ maxLength: 4 })), { maxLength: 8 }).map((a) => a.join('')),
    fc.constantFrom('http://', 'https://', ''),
  )
  .map(([host, port, rest, scheme]) => `${scheme}${host}:${port}/${rest}`);

const situation = fc.record({
  target: targetText,
  intent: fc.constantFrom('reach', 'start') as fc.Arbitrary<Facts['intent']>,
  outcome: fc.constantFrom('open', 'refused', 'timeout') as fc.Arbitrary<'open' | 'refused' | 'timeout'>,
  address: fc.constantFrom('127.0.0.1', '::1', '0.0.0.0', '::', '127.0.0.2'),
  process: outside,
  command: outside,
  user: outside,
  server: outside,
  title: outside,
  banner: outside,
  protocol: fc.constantFrom('SSH', 'Redis', 'MySQL', 'PostgreSQL', 'unknown'),
  kind: fc.constantFrom('http', 'banner', 'none'),
  status: fc.constantFrom(200, 404, 500),
  comment: outside.map((s) => s.replace(/["\\\n\r]/g, '')),
  deniedTool: fc.constantFrom('nft', 'ufw', 'netsh'),
  timeWait: fc.constantFrom(0, 80),
  freePort: fc.option(fc.integer({ min: 1024, max: 65535 }), { nil: undefined }),
});

test('every fix of every check, for arbitrary targets and outside text, runs exactly what it declares', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(situation, (s) => {
      const parsed = parseTarget(s.target);
      fc.pre(parsed.ok);
      const t = parsed.ok ? parsed.target : null!;
      const l = listener(s.address, t.port, { process: s.process, command: s.command, user: s.user });
      const application =
        s.kind === 'none'
          ? null
          : s.kind === 'http'
            ? app(t.host, t.port, { http: httpAnswer(s.status, { server: s.server, title: s.title }) })
            : app(t.host, t.port, { kind: 'banner', protocol: s.protocol, banner: s.banner });
      const facts = makeFacts({
        target: s.target,
        intent: s.intent,
        listeners: [l],
        attempts: [attempt(t.host, t.port, s.outcome)],
        application: s.outcome === 'open' ? application : null,
        connections: connections(t.port, { TIME_WAIT: s.timeWait }),
        freePort: s.freePort,
      });
      const rules = iptables(
        save(
          ':INPUT ACCEPT [0:0]',
          `-A INPUT -i lo -p tcp -m tcp --dport ${t.port} -m comment --comment "${s.comment}" -j DROP`,
        ),
      );
      for (const fw of [rules, firewall({ tools: [], rules: [] })]) {
        const denied = { ...fw, sources: [...fw.sources, source(s.deniedTool as never, 'denied')] };
        const d = runChecks({ ...facts, firewall: ok(denied) });
        for (const f of d.findings) if (f.fixes.length > 0) seen.add(f.id);
        for (const fix of [
          ...d.findings.flatMap((f) => f.fixes),
          ...(d.summary.firstFix ? [d.summary.firstFix] : []),
        ])
          assertQuoted(fix);
      }
    }),
    { numRuns: 250 },
  );
  // The situations reach the checks whose commands carry outside text or the target.
  for (const id of [
    'test-commands',
    'firewall-blocks',
    'firewall-unreadable',
    'not-http',
    'port-taken',
    'http-error',
  ])
    expect(seen).toContain(id);
});

test('a target crafted to run $(touch …) in a pasted curl shows it as one quoted word', () => {
  const d = runChecks(makeFacts({ target: 'localhost:7001/?$(touch${IFS}/tmp/PWNED)' }));
  const curl = d.findings.find((f) => f.id === 'test-commands')!.fixes.find((f) => f.platform === 'linux')!;
  expect(curl.command).toBe("curl -v 'http://localhost:7001/?$(touch${IFS}/tmp/PWNED)'");
  expect(parseSh(curl.command)).toEqual(['curl', '-v', 'http://localhost:7001/?$(touch${IFS}/tmp/PWNED)']);
});
