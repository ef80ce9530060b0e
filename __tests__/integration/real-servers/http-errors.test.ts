/**
 * What a failing HTTP server said, quoted back: a real nginx whose proxy_pass points at a port where
 * nothing listens answers 502, and the doctor names that upstream; a real Python server's 500 page title
 * is quoted. Ports are ones we proved free by binding them; everything stays on 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis, Finding } from '@/lib/diagnosis/types';
import { cleanupAll, closedPort } from '@/__tests__/support/servers';
import { requireOrSkip } from '@/__tests__/support/requirements';
import { untilAccepting } from '@/__tests__/support/real-servers';

jest.setTimeout(60_000);

const FAST = { connectMs: 700, bannerMs: 250, responseMs: 2000 };
const NGINX = '/usr/sbin/nginx';
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

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

function start(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  return child;
}

async function httpError(port: number): Promise<Finding> {
  const r = await diagnose(`127.0.0.1:${port}`, { timeouts: FAST });
  if (!r.ok) throw new Error(r.error.message);
  const d: Diagnosis = r.diagnosis;
  const f = d.findings.find((x) => x.id === 'http-error');
  if (!f) throw new Error(`no http-error: ${d.findings.map((x) => x.id).join(', ')}`);
  return f;
}

test('nginx 502 in front of a port where nothing listens: the detail names the upstream from the -c config', async () => {
  if (!requireOrSkip(existsSync(NGINX), 'nginx (nginx-light)')) return;
  const dir = mkdtempSync(join(tmpdir(), 'ld-proxy-'));
  dirs.push(dir);
  const [port, up] = [await closedPort(), await closedPort()];
  const conf = join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${join(dir, t)};`)
    .join(' ');
  writeFileSync(
    conf,
    `worker_processes 1; error_log ${join(dir, 'error.log')};\n` +
      `events {}\nhttp { access_log off; ${temp}\n` +
      `  server { listen 127.0.0.1:${port}; location / { proxy_pass http://127.0.0.1:${up}; } } }\n`,
  );
  const server = start(NGINX, [
    '-c',
    conf,
    '-p',
    dir,
    '-e',
    join(dir, 'error.log'),
    '-g',
    `daemon off; pid ${join(dir, 'nginx.pid')};`,
  ]);
  await untilAccepting(port, server);
  const f = await httpError(port);
  expect(f.title).toBe(`127.0.0.1:${port} answers HTTP 502 \u201cBad Gateway\u201d`);
  expect(f.detail).toContain('nginx itself is running and answered, but the program behind it failed');
  expect(f.detail).toContain(
    `nginx forwards to 127.0.0.1:${up}, where nothing listens \u2014 start the app behind it.`,
  );
  expect(f.detail).toContain(`(from proxy_pass in ${conf}, named on its command line)`);
  expect(f.fixes.map((x) => x.command)).toContain(`npm run doctor -- 127.0.0.1:${up}`);
});

test('a Python server’s 500 page: its title is quoted in the detail', async () => {
  if (!requireOrSkip(spawnSync(PYTHON, ['-V']).status === 0, 'python3')) return;
  const port = await closedPort();
  const script = [
    'import http.server, sys',
    'class H(http.server.BaseHTTPRequestHandler):',
    '    def do_GET(self):',
    "        body = b'<html><head><title>RuntimeError at /boom/</title></head><body>boom</body></html>'",
    '        self.send_response(500)',
    "        self.send_header('Content-Type', 'text/html')",
    "        self.send_header('Content-Length', str(len(body)))",
    '        self.end_headers()',
    '        self.wfile.write(body)',
    '    def log_message(self, *a): pass',
    "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()",
  ].join('\n');
  const server = start(PYTHON, ['-c', script, String(port)]);
  await untilAccepting(port, server);
  const f = await httpError(port);
  expect(f.detail).toContain(`answered 500 \u201cInternal Server Error\u201d (server \u201cBaseHTTP/`);
  expect(f.detail).toContain('\u2014 its page says \u201cRuntimeError at /boom/\u201d.');
  expect(f.detail).toContain('failed while handling the request');
});
