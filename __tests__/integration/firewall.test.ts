/**
 * Real firewall rules in a throwaway network namespace (only loopback; the host's firewall is never
 * touched): a real server behind an nft or iptables rule is diagnosed by the CLI run inside the namespace,
 * the finding names the rule, and running its fix command in the namespace makes the connection succeed.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseNftRuleset } from '@/lib/host/firewall/nft';
import { canUseNetns, createNamespace, firstLine, type Namespace } from '@/__tests__/support/netns';
import { requireOrSkip } from '@/__tests__/support/requirements';

const root = join(__dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const has = (tool: string) => ['/usr/sbin', '/sbin', '/usr/bin'].some((d) => existsSync(join(d, tool)));

interface Finding {
  id: string;
  severity: string;
  title: string;
  detail: string;
  fixes: { platform: string; label: string; command: string }[];
}
interface Diagnosis {
  findings: Finding[];
  summary: { severity: string; headline: string; cause: string | null };
}

jest.setTimeout(120_000);

/** Which requirement is missing, announced loudly (a failure under CI=true). */
function ready(...tools: string[]): boolean {
  if (!requireOrSkip(canUseNetns, 'root and `ip netns` (a namespace to hold the firewall rules)'))
    return false;
  return tools.every((t) => requireOrSkip(has(t), `${t} (to add the rule the doctor must find)`));
}

const SERVER =
  "const s=require('http').createServer((q,r)=>r.end('<title>behind a firewall</title>'));" +
  "s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";

async function startServer(ns: Namespace): Promise<number> {
  return Number(await firstLine(ns.spawn(process.execPath, ['-e', SERVER])));
}

function run(ns: Namespace, cmd: string, ...args: string[]): string {
  const r = ns.exec(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const doctorArgs = (port: number) => [
  tsxCli,
  '--conditions=react-server',
  join(root, 'bin', 'doctor.ts'),
  `127.0.0.1:${port}`,
  '--json',
];

function doctor(ns: Namespace, port: number): Diagnosis {
  return JSON.parse(ns.exec(process.execPath, doctorArgs(port)).stdout) as Diagnosis;
}

/** Whether a TCP connect from inside the namespace completes within a second. */
function connects(ns: Namespace, port: number): boolean {
  const script = `const s=require('net').connect(${port},'127.0.0.1',()=>process.exit(0));s.on('error',()=>process.exit(1));setTimeout(()=>process.exit(2),1000)`;
  return ns.exec(process.execPath, ['-e', script]).status === 0;
}

/** A printed fix as an argument array: "sudo " dropped (we are root), quotes honoured, no shell. */
function argv(command: string): string[] {
  const words = command.replace(/^sudo /, '').match(/'[^']*'|"[^"]*"|\S+/g) ?? [];
  return words.map((w) => (/^['"].*['"]$/.test(w) ? w.slice(1, -1) : w));
}

function applyFix(ns: Namespace, command: string): void {
  const [cmd, ...args] = argv(command);
  run(ns, cmd!, ...args);
}

const ids = (d: Diagnosis) => d.findings.map((f) => f.id);
const blocking = (d: Diagnosis) => d.findings.find((f) => f.id === 'firewall-blocks')!;

async function inNamespace(work: (ns: Namespace) => Promise<void>): Promise<void> {
  const ns = createNamespace();
  try {
    await work(ns);
  } finally {
    await ns.destroy(); // kills the server and every rule with the namespace
  }
}

/** `nft add rule inet filter input tcp dport <port> <verdict…>`, in a fresh table with an input chain. */
function addNftRule(ns: Namespace, port: number, ...verdict: string[]): void {
  run(ns, 'nft', 'add', 'table', 'inet', 'filter');
  run(
    ns,
    'nft',
    'add',
    'chain',
    'inet',
    'filter',
    'input',
    '{ type filter hook input priority 0; policy accept; }',
  );
  run(ns, 'nft', 'add', 'rule', 'inet', 'filter', 'input', 'tcp', 'dport', String(port), ...verdict);
}

test('behind `nft … tcp dport P drop`: timeout + firewall-blocks, and the printed delete command reopens it', async () => {
  if (!ready('nft')) return;
  await inNamespace(async (ns) => {
    const port = await startServer(ns);
    addNftRule(ns, port, 'drop');
    expect(connects(ns, port)).toBe(false);

    const d = doctor(ns, port);
    expect(ids(d)).toEqual(expect.arrayContaining(['timeout', 'firewall-blocks']));
    expect(d.summary.cause).toBe('firewall-blocks');
    const f = blocking(d);
    expect(f.severity).toBe('error');
    expect(f.detail).toMatch(
      new RegExp(
        `Connecting to 127\\.0\\.0\\.1:${port} timed out after \\d+ ms although node \\(pid \\d+, user root\\) listens on 127\\.0\\.0\\.1:${port} → rule 'tcp dport ${port} drop' in table inet filter chain input \\(handle \\d+\\) drops it`,
      ),
    );
    expect(f.fixes[0]!.command).toMatch(/^sudo nft delete rule inet filter input handle \d+$/);

    applyFix(ns, f.fixes[0]!.command);
    expect(connects(ns, port)).toBe(true);
    expect(ids(doctor(ns, port))).toContain('http-ok');
  });
});

test('behind `reject with tcp reset`: refused + firewall-blocks; the bypass it prints lets loopback through', async () => {
  if (!ready('nft')) return;
  await inNamespace(async (ns) => {
    const port = await startServer(ns);
    addNftRule(ns, port, 'reject', 'with', 'tcp', 'reset');

    const d = doctor(ns, port);
    expect(ids(d)).toEqual(expect.arrayContaining(['refused', 'firewall-blocks']));
    expect(d.summary.cause).toBe('firewall-blocks');
    expect(blocking(d).detail).toContain(`was refused after`);
    expect(blocking(d).detail).toContain(
      `→ rule 'tcp dport ${port} reject with tcp reset' in table inet filter chain input`,
    );

    const bypass = blocking(d).fixes[1]!.command;
    expect(bypass).toMatch(
      new RegExp(`^sudo nft insert rule inet filter input position \\d+ iif lo tcp dport ${port} accept$`),
    );
    applyFix(ns, bypass);
    expect(connects(ns, port)).toBe(true);
    const after = doctor(ns, port);
    expect(ids(after)).toContain('http-ok');
    expect(ids(after)).not.toContain('firewall-blocks');
  });
});

test('behind `iptables -A INPUT -i lo -p tcp --dport P -j DROP`: timeout + firewall-blocks; iptables -D reopens it', async () => {
  if (!ready('iptables')) return;
  await inNamespace(async (ns) => {
    const port = await startServer(ns);
    run(ns, 'iptables', '-A', 'INPUT', '-i', 'lo', '-p', 'tcp', '--dport', String(port), '-j', 'DROP');

    const d = doctor(ns, port);
    expect(ids(d)).toEqual(expect.arrayContaining(['timeout', 'firewall-blocks']));
    expect(d.summary.cause).toBe('firewall-blocks');
    const f = blocking(d);
    expect(f.detail).toContain(
      `→ rule '-A INPUT -i lo -p tcp -m tcp --dport ${port} -j DROP' in iptables table filter chain INPUT (rule 1) drops it`,
    );
    expect(f.fixes[0]!.command).toBe(`sudo iptables -D INPUT -i lo -p tcp -m tcp --dport ${port} -j DROP`);

    applyFix(ns, f.fixes[0]!.command);
    expect(run(ns, 'iptables-save')).not.toContain(`--dport ${port}`);
    expect(connects(ns, port)).toBe(true);
  });
});

test('without root the rules cannot be read: firewall-unreadable gives the exact sudo command, and guesses no rule', async () => {
  if (!ready('nft', 'setpriv')) return;
  await inNamespace(async (ns) => {
    const port = await startServer(ns);
    addNftRule(ns, port, 'drop');
    const asNobody = [
      '--reuid=65534',
      '--regid=65534',
      '--clear-groups',
      'env',
      'HOME=/tmp',
      'TSX_DISABLE_CACHE=1',
    ];
    const d = JSON.parse(
      ns.exec('setpriv', [...asNobody, process.execPath, ...doctorArgs(port)]).stdout,
    ) as Diagnosis;
    expect(ids(d)).toEqual(expect.arrayContaining(['timeout', 'firewall-unreadable']));
    expect(ids(d)).not.toContain('firewall-blocks');
    const f = d.findings.find((x) => x.id === 'firewall-unreadable')!;
    expect(f.detail).toContain('nft -j list ruleset said "Operation not permitted (you must be root)"');
    const sudo = f.fixes.find((x) => x.command === 'sudo nft -j list ruleset');
    expect(sudo).toBeDefined();
    // The command it prints is the one that answers the question: as root it shows the rule.
    const [cmd, ...args] = argv(sudo!.command);
    const rules = parseNftRuleset(run(ns, cmd!, ...args)).rules;
    expect(rules.map((r) => [r.match.dports?.ranges[0]?.low, r.action.kind])).toEqual([[port, 'drop']]);
  });
});

/** Whether .next holds a build newer than the API's sources (else `next start` would serve old code). */
function buildIsCurrent(): boolean {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const newest = (path: string): number => {
    if (!existsSync(path)) return 0;
    const st = statSync(path);
    if (!st.isDirectory()) return st.mtimeMs;
    return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), st.mtimeMs);
  };
  const built = statSync(buildId).mtimeMs;
  // Only what /api/diagnose is built from: the UI changes often and does not change this answer.
  return ['lib', 'app/api', 'proxy.ts', 'next.config.js'].every((s) => newest(join(root, s)) <= built);
}

/** GET /api/diagnose from inside the namespace: the real app when a current build exists, else the route handler. */
async function apiAnswer(ns: Namespace, port: number): Promise<{ via: string; body: Diagnosis }> {
  const target = encodeURIComponent(`127.0.0.1:${port}`);
  if (buildIsCurrent()) {
    const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
    ns.spawn(process.execPath, [nextBin, 'start', root, '-H', '127.0.0.1', '-p', '6280']);
    const get = `fetch('http://127.0.0.1:6280/api/diagnose?target=${target}').then(async r=>{if(!r.ok)process.exit(1);process.stdout.write(await r.text())},()=>process.exit(1))`;
    for (let i = 0; i < 120; i++) {
      const r = ns.exec(process.execPath, ['-e', get]);
      if (r.status === 0)
        return { via: 'next start (production build) over HTTP', body: JSON.parse(r.stdout) as Diagnosis };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('next start did not answer within 60 s');
  }
  const out = run(
    ns,
    process.execPath,
    tsxCli,
    '--conditions=react-server',
    join(__dirname, '..', 'support', 'firewall-api-call.ts'),
    `127.0.0.1:${port}`,
  );
  const { status, body } = JSON.parse(out) as { status: number; body: Diagnosis };
  expect(status).toBe(200);
  return { via: 'the GET /api/diagnose route handler (no current production build)', body };
}

test('the CLI run inside the namespace gives the same answer as the API', async () => {
  if (!ready('nft')) return;
  await inNamespace(async (ns) => {
    const port = await startServer(ns);
    addNftRule(ns, port, 'reject', 'with', 'tcp', 'reset');
    const cli = doctor(ns, port);
    const api = await apiAnswer(ns, port);
    console.info(`API answer from ${api.via}`);
    expect(ids(api.body)).toEqual(ids(cli));
    expect(api.body.summary).toEqual(cli.summary);
    expect(cli.summary.cause).toBe('firewall-blocks');
  });
});

/**
 * Runs a script that requires the project's lib (./lib/…, from the project root: the jest process' cwd)
 * inside the namespace, as one long-lived process would; returns the JSON it printed.
 */
function libScript(ns: Namespace, script: string, arg: string): unknown {
  const out = ns.exec(process.execPath, ['--conditions=react-server', '--import', 'tsx', '-e', script, arg]);
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout);
}

// One process reads the firewall three times, as the server does diagnosis after diagnosis: the text
// listing (nft's own wording) runs only while the fresh JSON shows a rule it has not worded yet.
const READ_THREE_TIMES = `
const { execFileSync } = require('node:child_process');
const { readLinuxFirewall } = require('./lib/host/linux/firewall.ts');
const { runTool } = require('./lib/host/firewall/run.ts');
const ran = [];
const run = (name, args, ...rest) => { ran.push([name, ...args].join(' ')); return runTool('linux', name, args, ...rest); };
(async () => {
  const reads = [];
  for (const step of ['first', 'again', 'replaced']) {
    if (step === 'replaced') {
      const handle = String(reads[0].rules[0].handle);
      execFileSync('nft', ['replace', 'rule', 'inet', 'filter', 'input', 'handle', handle, 'iif', 'lo', 'tcp', 'dport', process.argv[1], 'reject']);
    }
    ran.length = 0;
    const facts = await readLinuxFirewall(run);
    reads.push({ ran: ran.filter((c) => c.startsWith('nft')), rules: facts.rules.filter((r) => r.tool === 'nft') });
  }
  console.log(JSON.stringify(reads));
})();
`;

test('a rule seen before is worded from memory (one nft process); a replaced rule is listed again', async () => {
  if (!ready('nft')) return;
  await inNamespace(async (ns) => {
    addNftRule(ns, 40001, 'drop');
    const reads = libScript(ns, READ_THREE_TIMES, '40001') as {
      ran: string[];
      rules: { handle: number; text: string }[];
    }[];
    expect(reads.map((r) => r.ran)).toEqual([
      ['nft -j list ruleset', 'nft -a list ruleset'],
      ['nft -j list ruleset'],
      ['nft -j list ruleset', 'nft -a list ruleset'],
    ]);
    expect(reads.map((r) => r.rules.map((x) => x.text))).toEqual([
      ['tcp dport 40001 drop'],
      ['tcp dport 40001 drop'],
      ['iif "lo" tcp dport 40001 reject'],
    ]);
    expect(reads[2]!.rules[0]!.handle).toBe(reads[0]!.rules[0]!.handle); // replace keeps the handle
  });
});

// Rules of one shape with other values, one after the other, as a user edits a port: each is worded by
// the memory (one nft process) exactly as a fresh `nft -a list ruleset` words it; a set is always listed.
const SHAPES_SCRIPT = `
const { execFileSync } = require('node:child_process');
const { readLinuxFirewall } = require('./lib/host/linux/firewall.ts');
const { runTool } = require('./lib/host/firewall/run.ts');
const { indexNftText } = require('./lib/host/firewall/nft.ts');
const nft = (...a) => execFileSync('nft', a, { encoding: 'utf8' });
const shapes = JSON.parse(process.argv[1]);
let listed = 0;
const run = (name, args, ...rest) => { if (args.includes('-a')) listed++; return runTool('linux', name, args, ...rest); };
(async () => {
  const out = [];
  for (const [name, rules] of Object.entries(shapes)) {
    for (const rule of rules) {
      nft('flush', 'chain', 'inet', 'filter', 'input');
      nft('add', 'rule', 'inet', 'filter', 'input', ...rule);
      listed = 0;
      const facts = await readLinuxFirewall(run);
      const ours = facts.rules.filter((r) => r.tool === 'nft').map((r) => r.text);
      const index = indexNftText(nft('-a', 'list', 'ruleset'));
      const truth = facts.rules.filter((r) => r.tool === 'nft').map((r) => index.get('inet|filter|input|' + r.handle));
      out.push({ name, listed, ours, truth });
    }
  }
  console.log(JSON.stringify(out));
})();
`;

test('a rule of a worded shape with new values is worded as nft words it, without a second nft process', async () => {
  if (!ready('nft')) return;
  const shapes: Record<string, string[][]> = {
    port: [40001, 40002, 40003].map((p) => ['tcp', 'dport', String(p), 'drop']),
    'bench rule': [40001, 40002].map((p) => ['iif', 'lo', 'tcp', 'dport', String(p), 'reject']),
    prefix: [
      ['ip', 'saddr', '10.0.0.0/8', 'tcp', 'dport', '80', 'accept'],
      ['ip', 'saddr', '172.16.0.0/12', 'tcp', 'dport', '8080', 'accept'],
      ['ip', 'saddr', '192.168.0.0/16', 'tcp', 'dport', '443', 'accept'],
    ],
    range: [
      ['ip6', 'daddr', '::1', 'tcp', 'dport', '1000-2000', 'drop'],
      ['ip6', 'daddr', '::1', 'tcp', 'dport', '3000-4000', 'drop'],
    ],
    counter: [53, 54].map((p) => ['iifname', 'lo', 'udp', 'dport', String(p), 'counter', 'drop']),
    set: [40001, 40003].map((p) => ['tcp', 'dport', `{ ${p}, ${p + 1} }`, 'drop']),
  };
  await inNamespace(async (ns) => {
    addNftRule(ns, 1, 'drop');
    const reads = libScript(ns, SHAPES_SCRIPT, JSON.stringify(shapes)) as {
      name: string;
      listed: number;
      ours: string[];
      truth: string[];
    }[];
    for (const r of reads)
      expect({ name: r.name, wording: r.ours }).toEqual({ name: r.name, wording: r.truth });
    // The first rule of each shape is listed; the next ones are worded from memory, except sets.
    const listedByShape = Object.keys(shapes).map((name) =>
      reads.filter((r) => r.name === name).map((r) => r.listed),
    );
    expect(listedByShape).toEqual([
      [1, 0, 0],
      [1, 0],
      [1, 0, 0],
      [1, 0],
      [1, 0],
      [1, 1],
    ]);
  });
});
