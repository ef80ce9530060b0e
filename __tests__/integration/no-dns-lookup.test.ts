// docs/security.md rule 4: a name that is neither loopback by definition nor in the hosts file is refused
// without a DNS query. Inside a namespace this test creates, `ip netns exec` bind-mounts our own resolv.conf
// (nameserver 127.0.0.1) and hosts file over /etc, and a UDP listener on 127.0.0.1:53 counts every query the
// doctor (the real CLI, as a child process) would send.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canUseNetns, createNamespace, firstLine, type Namespace } from '@/__tests__/support/netns';
import { requireOrSkip } from '@/__tests__/support/requirements';

const root = join(__dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// Prints "ready", then one line per packet; answers each query NXDOMAIN at once so a lookup ends quickly.
const DNS_COUNTER = `
const s = require('dgram').createSocket('udp4');
s.on('message', (m, from) => {
  console.log('query ' + m.length);
  if (m.length < 12) return;
  const r = Buffer.from(m);
  r[2] = (r[2] | 0x80) & 0xf9; r[3] = 0x83;
  s.send(r, from.port, from.address);
});
s.bind(53, '127.0.0.1', () => console.log('ready'));
`;

const HTTP_SERVER =
  "const s=require('http').createServer((q,r)=>r.end('<title>myapp</title>')).listen(0,'127.0.0.1',()=>console.log(s.address().port))";

let ns: Namespace | undefined;
let etc = '';
let queries = 0;

beforeAll(async () => {
  if (!canUseNetns) return;
  ns = createNamespace();
  // Read by `ip netns exec` for every command it runs in this namespace (man ip-netns).
  etc = join('/etc/netns', ns.name);
  mkdirSync(etc, { recursive: true });
  writeFileSync(join(etc, 'resolv.conf'), 'nameserver 127.0.0.1\noptions timeout:1 attempts:1\n');
  writeFileSync(
    join(etc, 'hosts'),
    '127.0.0.1 localhost\n::1 localhost\n127.0.0.1 myapp.test\n10.9.9.9 elsewhere.test\n',
  );
  const counter = ns.spawn(process.execPath, ['-e', DNS_COUNTER]);
  expect(await firstLine(counter)).toBe('ready');
  counter.stdout!.on('data', (b: Buffer) => {
    queries += (b.toString().match(/^query /gm) ?? []).length;
  });
}, 30_000);

afterAll(async () => {
  await ns?.destroy();
  if (etc) rmSync(etc, { recursive: true, force: true });
});

jest.setTimeout(60_000);

/** `npm run doctor -- <target> --json` inside the namespace, with exactly the ALLOW_TARGETS given. */
function doctorInNamespace(
  target: string,
  allowTargets?: string,
): Promise<{
  code: number | null;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
}> {
  const env = allowTargets === undefined ? ['-u', 'ALLOW_TARGETS'] : [`ALLOW_TARGETS=${allowTargets}`];
  const args = ['netns', 'exec', ns!.name, 'env', ...env, process.execPath, tsxCli];
  args.push('--conditions=react-server', join(root, 'bin', 'doctor.ts'), target, '--json');
  return new Promise((resolve, reject) => {
    const child = spawn('ip', args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, body: JSON.parse(stdout) });
      } catch {
        reject(new Error(`doctor printed no JSON (exit ${code}): ${stdout.slice(0, 500)}`));
      }
    });
  });
}

/** Room for a late packet to reach the counter (it is another process). */
const settle = () => new Promise((r) => setTimeout(r, 500));

const ready = () => requireOrSkip(canUseNetns, 'root and `ip netns` (a namespace with its own /etc files)');

test('a name the hosts file does not know is refused, and no DNS query leaves', async () => {
  if (!ready()) return;
  const before = queries;
  const r = await doctorInNamespace('zzz.example:80');
  await settle();
  expect(r.code).toBe(2);
  expect(r.body.error).toEqual({
    code: 'target-not-allowed',
    message: expect.stringContaining(
      'zzz.example is not in the hosts file (/etc/hosts), and it was not looked up in DNS',
    ),
  });
  expect(queries - before).toBe(0);
});

test('a name the hosts file maps elsewhere is refused from the file alone', async () => {
  if (!ready()) return;
  const before = queries;
  const r = await doctorInNamespace('elsewhere.test:80');
  await settle();
  expect(r.body.error).toEqual({
    code: 'target-not-allowed',
    message: expect.stringContaining('elsewhere.test (resolves to 10.9.9.9) is not this machine'),
  });
  expect(queries - before).toBe(0);
});

test('a name the hosts file maps to loopback is diagnosed, without DNS', async () => {
  if (!ready()) return;
  const server = ns!.spawn(process.execPath, ['-e', HTTP_SERVER]);
  const port = Number(await firstLine(server));
  const before = queries;
  const r = await doctorInNamespace(`myapp.test:${port}`);
  await settle();
  expect(r.code).toBe(0);
  const facts = r.body.facts as { resolution: { status: string; source: string; value: unknown } };
  expect(facts.resolution).toMatchObject({
    status: 'ok',
    source: 'hosts file (/etc/hosts)',
    value: { host: 'myapp.test', addresses: [{ address: '127.0.0.1', family: 'IPv4' }] },
  });
  const findings = r.body.findings as { id: string; detail: string }[];
  expect(findings.find((f) => f.id === 'http-ok')?.detail).toContain(`127.0.0.1:${port}`);
  expect(queries - before).toBe(0);
});

test('control: with ALLOW_TARGETS set the same name does go to DNS (so the zeros above are real)', async () => {
  if (!ready()) return;
  const before = queries;
  const r = await doctorInNamespace('zzz.example:80', '192.168.77.0/24');
  await settle();
  expect(r.body.error?.code).toBe('target-not-allowed');
  expect(queries - before).toBeGreaterThan(0);
});
