/**
 * https:// typed for a real plain-HTTP server (python3 http.server): OpenSSL fails with "wrong version
 * number" and a source path; what the person reads is a sentence that keeps the code, never that text.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { diagnose } from '@/lib/diagnosis';
import { listListeners } from '@/lib/host/listeners';
import { tlsFailureSentence } from '@/lib/probe/tls-errors';
import { closedPort } from '@/__tests__/support/servers';
import { requireOrSkip } from '@/__tests__/support/requirements';

const PYTHON = '/usr/bin/python3';
jest.setTimeout(60000);

let child: ChildProcess | null = null;
afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = null;
});

test('OpenSSL codes become sentences; the code stays, the source path and newline do not', () => {
  const raw =
    '808C6D4B747F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n';
  expect(tlsFailureSentence('ERR_SSL_WRONG_VERSION_NUMBER', raw)).toBe(
    'the server did not answer in TLS (it most likely speaks plain HTTP or another protocol) (ERR_SSL_WRONG_VERSION_NUMBER)',
  );
  const unknown = raw.replace('wrong version number', 'some new reason');
  expect(tlsFailureSentence('ERR_SSL_SOME_NEW_REASON', unknown)).toBe(
    'some new reason (ERR_SSL_SOME_NEW_REASON)',
  );
});

test('https:// to a real plain-HTTP server: no OpenSSL text in any detail or message', async () => {
  if (!requireOrSkip(existsSync(PYTHON), '/usr/bin/python3')) return;
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
  const r = await diagnose(`https://127.0.0.1:${port}/`);
  if (!r.ok) throw new Error(r.error.message);
  const d = r.diagnosis;
  const app = d.facts.probes.status === 'ok' ? d.facts.probes.value.application : null;
  const texts = [app?.message ?? '', ...d.findings.map((f) => f.detail)];
  expect(texts.join('\n')).toContain('ERR_SSL_WRONG_VERSION_NUMBER');
  for (const text of texts) {
    expect(text).not.toMatch(/\.c:\d+|ssl3_get_record|:error:|\n/);
  }
});
