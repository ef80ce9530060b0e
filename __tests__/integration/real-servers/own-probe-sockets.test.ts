/**
 * A real python3 http.server diagnosed twice in a row: the second diagnosis' connection count leaves out
 * the sockets the first one's probe left in TIME_WAIT (and its own), but still counts anybody else's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { listListeners } from '@/lib/host/listeners';
import { closedPort } from '@/__tests__/support/servers';
import { requireOrSkip } from '@/__tests__/support/requirements';

const PYTHON = '/usr/bin/python3';
jest.setTimeout(60000);

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
});

/** Started and listening, seen in the kernel's table: a test connect would itself be a counted socket. */
async function startHttpServer(): Promise<number> {
  const port = await closedPort();
  child = spawn(PYTHON, ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
    cwd: tmpdir(),
    stdio: 'ignore',
  });
  const until = Date.now() + 20000;
  while (!(await listListeners({ port })).listeners.some((l) => l.protocol === 'tcp')) {
    if (Date.now() > until) throw new Error('python3 http.server did not start listening');
    await new Promise((r) => setTimeout(r, 100));
  }
  return port;
}

async function run(port: number): Promise<Diagnosis> {
  const r = await diagnose(`127.0.0.1:${port}`);
  if (!r.ok) throw new Error(r.error.message);
  return r.diagnosis;
}
const connections = (d: Diagnosis) => {
  if (d.facts.connections.status !== 'ok') throw new Error('no connections fact');
  return d.facts.connections.value;
};

test("the doctor's own earlier probe is not counted as the service's traffic; another client is", async () => {
  if (!requireOrSkip(existsSync(PYTHON), '/usr/bin/python3')) return;
  const port = await startHttpServer();
  const first = await run(port);
  expect(first.findings.map((f) => f.id)).toContain('http-ok');

  const second = await run(port);
  expect(second.findings.map((f) => f.id)).toContain('http-ok');
  expect(connections(second).byState.TIME_WAIT).toBeUndefined();
  expect(connections(second).total).toBe(0);
  expect(connections(second).ownProbesLeftOut).toBeGreaterThanOrEqual(1);

  // Control: a client that is not the doctor closes first and leaves its TIME_WAIT: that one counts.
  await new Promise<void>((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => s.end());
    s.once('close', () => resolve());
    s.once('error', reject);
  });
  expect(connections(await run(port)).total).toBeGreaterThanOrEqual(1);
});
