/**
 * A real Caddy and a real Apache in front of an upstream: their 502/503 names the upstream their config
 * forwards to, read from the file their command line names (or Caddy's working directory), and says whether
 * anything listens there. Every port is one we bound ourselves (listen(0)) or proved free that way; the proxies
 * bind 127.0.0.1 only, Caddy with its admin endpoint off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Finding } from '@/lib/diagnosis/types';
import { cleanupAll, closedPort, startTcpServer } from '@/__tests__/support/servers';
import { isRoot, requireOrSkip } from '@/__tests__/support/requirements';
import { untilAccepting } from '@/__tests__/support/real-servers';

jest.setTimeout(60_000);

const FAST = { connectMs: 700, bannerMs: 250, responseMs: 3000 };
const CADDY = '/usr/bin/caddy';
const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.pid === undefined || c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((r) => c.once('exit', r));
    process.kill(c.pid, 'SIGTERM');
    await gone;
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  await cleanupAll();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ld-proxy-'));
  dirs.push(dir);
  return dir;
}

function start(cmd: string, args: string[], dir: string): ChildProcess {
  // Caddy keeps certificates and autosaves under HOME/XDG dirs: point them at the temp dir.
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const child = spawn(cmd, args, { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  return child;
}

async function httpError(port: number): Promise<Finding> {
  const r = await diagnose(`127.0.0.1:${port}`, { timeouts: FAST });
  if (!r.ok) throw new Error(r.error.message);
  const f = r.diagnosis.findings.find((x) => x.id === 'http-error');
  if (!f) throw new Error(`no http-error: ${r.diagnosis.findings.map((x) => x.id).join(', ')}`);
  return f;
}

/** A Caddyfile site on 127.0.0.1:port only (bind), plain HTTP, with no admin port and no certificate work. */
const caddySite = (port: number, body: string) =>
  `{\n\tadmin off\n\tauto_https off\n}\nhttp://127.0.0.1:${port} {\n\tbind 127.0.0.1\n\t${body}\n}\n`;

test('Caddy 502 with nothing on its reverse_proxy upstream: the detail names it from the --config Caddyfile', async () => {
  if (!requireOrSkip(existsSync(CADDY), 'caddy')) return;
  const dir = tempDir();
  const [port, up] = [await closedPort(), await closedPort()];
  const conf = join(dir, 'site.Caddyfile');
  writeFileSync(conf, caddySite(port, `reverse_proxy 127.0.0.1:${up}`));
  const caddy = start(CADDY, ['run', '--config', conf, '--adapter', 'caddyfile'], dir);
  await untilAccepting(port, caddy);
  const f = await httpError(port);
  expect(f.title).toBe(`127.0.0.1:${port} answers HTTP 502 \u201cBad Gateway\u201d`);
  expect(f.detail).toContain('(server \u201cCaddy\u201d)');
  expect(f.detail).toContain('Caddy itself is running and answered, but the program behind it failed');
  expect(f.detail).toContain(
    `Caddy forwards to 127.0.0.1:${up}, where nothing listens \u2014 start the app behind it.`,
  );
  expect(f.detail).toContain(`(from reverse_proxy in ${conf}, named on its command line)`);
  expect(f.fixes.map((x) => x.command)).toContain(`npm run doctor -- 127.0.0.1:${up}`);
});

test('`caddy run` in a directory: its Caddyfile there and the file it imports name an upstream that is up', async () => {
  if (!requireOrSkip(existsSync(CADDY), 'caddy')) return;
  const dir = tempDir();
  // An upstream that accepts and hangs up at once: Caddy gets no answer and says 502.
  const upstream = await startTcpServer((socket) => socket.destroy());
  const port = await closedPort();
  writeFileSync(join(dir, 'proxy.caddy'), `reverse_proxy /* localhost:${upstream.port}\n`);
  writeFileSync(join(dir, 'Caddyfile'), caddySite(port, 'import proxy.caddy'));
  const caddy = start(CADDY, ['run'], dir);
  await untilAccepting(port, caddy);
  const f = await httpError(port);
  expect(f.title).toBe(`127.0.0.1:${port} answers HTTP 502 \u201cBad Gateway\u201d`);
  expect(f.detail).toContain(
    `Caddy forwards to localhost:${upstream.port}, where node listens \u2014 so it is up: its own log says why it failed or was slow.`,
  );
  expect(f.detail).toContain(`(from reverse_proxy in ${join(dir, 'Caddyfile')}, the default)`);
});

test('Caddy with a JSON --config: the reverse_proxy handler\u2019s upstreams[].dial is named', async () => {
  if (!requireOrSkip(existsSync(CADDY), 'caddy')) return;
  const dir = tempDir();
  const [port, up] = [await closedPort(), await closedPort()];
  const conf = join(dir, 'caddy.json');
  const proxy = { handler: 'reverse_proxy', upstreams: [{ dial: `127.0.0.1:${up}` }] };
  const server = {
    listen: [`127.0.0.1:${port}`],
    routes: [{ handle: [proxy] }],
    automatic_https: { disable: true },
  };
  writeFileSync(
    conf,
    JSON.stringify({ admin: { disabled: true }, apps: { http: { servers: { srv0: server } } } }),
  );
  const caddy = start(CADDY, ['run', '--config', conf], dir);
  await untilAccepting(port, caddy);
  const f = await httpError(port);
  expect(f.detail).toContain(`Caddy forwards to 127.0.0.1:${up}, where nothing listens`);
  expect(f.detail).toContain(`(from reverse_proxy in ${conf}, named on its command line)`);
});

test('Apache 503 with nothing on its ProxyPass upstream: named from a site file the -f config includes', async () => {
  if (!requireOrSkip(existsSync(APACHE) && existsSync(join(MODULES, 'mod_proxy_http.so')), 'apache2')) return;
  const dir = tempDir();
  const [port, up] = [await closedPort(), await closedPort()];
  mkdirSync(join(dir, 'sites'));
  writeFileSync(
    join(dir, 'sites', 'app.conf'),
    `<VirtualHost 127.0.0.1:${port}>\n  ProxyPass / http://127.0.0.1:${up}/\n  ProxyPassReverse / http://127.0.0.1:${up}/\n</VirtualHost>\n`,
  );
  const modules = ['mpm_event', 'authz_core', 'proxy', 'proxy_http']
    .map((m) => `LoadModule ${m}_module ${join(MODULES, `mod_${m}.so`)}`)
    .join('\n');
  const conf = join(dir, 'httpd.conf');
  writeFileSync(
    conf,
    [
      `ServerRoot ${dir}`,
      'ServerName 127.0.0.1',
      `DefaultRuntimeDir ${dir}`,
      `PidFile ${join(dir, 'httpd.pid')}`,
      `ErrorLog ${join(dir, 'error.log')}`,
      `Mutex file:${dir} default`,
      modules,
      ...(isRoot ? ['User nobody', 'Group nogroup'] : []),
      `Listen 127.0.0.1:${port}`,
      'Include sites/*.conf',
      '',
    ].join('\n'),
  );
  const apache = start(APACHE, ['-f', conf, '-DFOREGROUND'], dir);
  await untilAccepting(port, apache);
  const f = await httpError(port);
  expect(f.title).toBe(`127.0.0.1:${port} answers HTTP 503 \u201cService Unavailable\u201d`);
  expect(f.detail).toContain('Apache itself is running and answered, but the program behind it failed');
  expect(f.detail).toContain(
    `Apache forwards to 127.0.0.1:${up}, where nothing listens \u2014 start the app behind it.`,
  );
  expect(f.detail).toContain(`(from ProxyPass in ${conf}, named on its command line)`);
  expect(f.fixes.map((x) => x.command)).toContain(`npm run doctor -- 127.0.0.1:${up}`);
});
