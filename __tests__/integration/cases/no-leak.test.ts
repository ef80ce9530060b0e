/**
 * A real server with `--password hunter2`, `--api-key=sk_live_…` and `user:pass@` on its command line,
 * started from a directory standing for $HOME and diagnosed for real: no export (Markdown, JSON, HTML, the
 * CLI's three) carries those secrets or the home path, and --no-redact shows the test would see them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import { CASE_FORMATS, renderCase } from '@/lib/cases/export';
import { caseFileFromSession } from '@/lib/cases/from-session';
import { readCaseFile } from '@/lib/cases/read';
import { redactCase } from '@/lib/cases/redact';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { leaks, SECRETS, startSecretServer, type SecretServer } from './secret-server';

const root = join(__dirname, '..', '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runDoctor(
  args: string[],
  home: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [tsxCli, '--conditions=react-server', join(root, 'bin', 'doctor.ts'), ...args],
      {
        cwd: root,
        env: { ...process.env, HOME: home },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

jest.setTimeout(90_000);
let server: SecretServer;
let diagnosis: Diagnosis;

beforeAll(async () => {
  server = await startSecretServer();
  const result = await diagnose(`127.0.0.1:${server.port}`);
  if (!result.ok) throw new Error(result.error.message);
  diagnosis = result.diagnosis;
});
afterAll(() => server?.stop());

test('the diagnosis really read the secrets off the command line (else this test proves nothing)', () => {
  const text = JSON.stringify(diagnosis);
  expect(text).toContain(SECRETS.password);
  expect(text).toContain(SECRETS.apiKey);
  expect(text).toContain(SECRETS.urlPassword);
  expect(text).toContain(server.home);
});

test.each(CASE_FORMATS)('the app export as %s carries none of them', (format) => {
  const now = new Date().toISOString();
  const caseFile = caseFileFromSession({
    session: { id: 's-1', target: diagnosis.target.display, createdAt: now, readOnly: false },
    entries: [
      { seq: 1, at: now, kind: 'diagnosis', payload: { intent: 'reach', diagnosis } },
      {
        seq: 2,
        at: now,
        kind: 'note',
        payload: { text: `I ran it with --password ${SECRETS.password} from ${server.home}` },
      },
    ],
    platform: diagnosis.facts.platform,
    now,
  });
  const { body } = renderCase(redactCase(caseFile, { home: server.home }).caseFile, format);
  expect(body).toContain(
    diagnosis.summary.headline
      .slice(0, 20)
      .replace(/[<>&"']/g, '')
      .slice(0, 8),
  );
  expect(leaks(body, server.home)).toEqual([]);
  expect(body).toContain('~/shop/server.js');
});

test.each(CASE_FORMATS)('the CLI --report %s carries none of them; --no-redact does', async (format) => {
  const r = await runDoctor([`127.0.0.1:${server.port}`, '--report', format], server.home);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(`127.0.0.1:${server.port}`);
  expect(leaks(r.stdout, server.home)).toEqual([]);
  const raw = await runDoctor([`127.0.0.1:${server.port}`, '--report', format, '--no-redact'], server.home);
  expect(leaks(raw.stdout, server.home)).toEqual(expect.arrayContaining([SECRETS.password, SECRETS.apiKey]));
});

test('--out writes the case file only its user can read, and it opens as a case file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ld-case-out-'));
  try {
    const file = join(dir, 'case.json');
    const r = await runDoctor([`127.0.0.1:${server.port}`, '--report', 'json', '--out', file], server.home);
    expect(r.stdout).toBe('');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(leaks(text, server.home)).toEqual([]);
    const read = readCaseFile(JSON.parse(text));
    expect(read.ok && read.caseFile.entries.map((e) => e.kind)).toEqual(['diagnosis']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
