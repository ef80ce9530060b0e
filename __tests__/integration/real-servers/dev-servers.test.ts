/**
 * Real gunicorn (Debian) and Vite (npm) hold a port that the person wants for their own server: the
 * port-taken fix is that program's own command line with only the address or port changed, run in its
 * own directory (`cd <dir> && …`, read from /proc/<pid>/cwd) since it differs from the doctor's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis, Finding } from '@/lib/diagnosis/types';
import { listListeners } from '@/lib/host/listeners';
import { closedPort } from '@/__tests__/support/servers';
import { requireOrSkip } from '@/__tests__/support/requirements';

const GUNICORN = '/usr/bin/gunicorn';
const VITE = resolve(__dirname, '../../../node_modules/vite/bin/vite.js');
jest.setTimeout(90000);

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
});

async function startIn(dir: string, cmd: string, args: string[], port: number): Promise<void> {
  const child = spawn(cmd, args, { cwd: dir, stdio: 'ignore' });
  children.push(child);
  const until = Date.now() + 30000;
  while (!(await listListeners({ port, protocols: ['tcp'] })).listeners.length) {
    if (Date.now() > until || child.exitCode !== null) throw new Error(`${cmd} did not start listening`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function portTaken(port: number): Promise<{ f: Finding; free: number; d: Diagnosis }> {
  const r = await diagnose(`127.0.0.1:${port}`, { intent: 'start' });
  if (!r.ok) throw new Error(r.error.message);
  const f = r.diagnosis.findings.find((x) => x.id === 'port-taken');
  if (!f) throw new Error(`no port-taken: ${r.diagnosis.findings.map((x) => x.id).join(', ')}`);
  const free = r.diagnosis.facts.freePort?.status === 'ok' ? r.diagnosis.facts.freePort.value : -1;
  return { f, free, d: r.diagnosis };
}

test('gunicorn: its own command with only --bind changed, in its own directory', async () => {
  if (!requireOrSkip(existsSync(GUNICORN), 'gunicorn (Debian package gunicorn)')) return;
  const dir = mkdtempSync(join(tmpdir(), 'ld-gunicorn dir-')); // a space: the cd must be quoted
  dirs.push(dir);
  writeFileSync(
    join(dir, 'app.py'),
    'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"ok"]\n',
  );
  const port = await closedPort();
  await startIn(dir, GUNICORN, ['app:app', '--bind', `127.0.0.1:${port}`, '--workers', '1'], port);
  const { f, free } = await portTaken(port);
  expect(free).toBeGreaterThan(1023);
  expect(f.fixes[0]!.command).toMatch(
    new RegExp(
      `^cd '${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' && \\S*python3\\S* /usr/bin/gunicorn app:app --bind 127\\.0\\.0\\.1:${free} --workers 1$`,
    ),
  );
  // gunicorn forks its worker: the master is the one named and the only one offered to stop.
  expect(f.detail).toContain('is the master');
});

test('Vite: npx-style command with only --port changed, in the project directory', async () => {
  if (!requireOrSkip(existsSync(VITE), 'vite (npm devDependency)')) return;
  const dir = mkdtempSync(join(tmpdir(), 'ld-vite-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>vite app</title><p>hi</p>\n');
  const port = await closedPort();
  await startIn(
    dir,
    process.execPath,
    [VITE, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    port,
  );
  const { f, free } = await portTaken(port);
  const first = f.fixes[0]!.command;
  expect(first.startsWith(`cd ${dir} && `)).toBe(true);
  expect(first).toContain(`${VITE} --host 127.0.0.1 --port ${free} --strictPort`);
  expect(first).not.toContain(`--port ${port}`);
  expect(f.detail).toContain('It is Vite');
});
