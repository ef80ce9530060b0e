/**
 * Server-first protocols keep working now that the doctor speaks at once to owners it knows do not greet:
 * a real OpenSSH sshd and a real MariaDB greet first, and each is named for what it is from its own first
 * bytes (an ok finding with that program's client), never called broken and never asked HTTP first.
 */
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import {
  hasMariadb,
  hasSshd,
  startMariadb,
  startSshd,
  stopRealServers,
} from '@/__tests__/support/real-servers';
import { requireOrSkip } from '@/__tests__/support/requirements';

jest.setTimeout(90000);
afterEach(stopRealServers);

async function run(target: string): Promise<Diagnosis> {
  const r = await diagnose(target);
  if (!r.ok) throw new Error(`${target}: ${r.error.message}`);
  return r.diagnosis;
}
const application = (d: Diagnosis) =>
  d.facts.probes.status === 'ok' ? d.facts.probes.value.application : null;
const errors = (d: Diagnosis) => d.findings.filter((f) => f.severity === 'error').map((f) => f.id);

test('a real sshd is an SSH server: its banner quoted, `ssh -p` offered, nothing called broken', async () => {
  if (!requireOrSkip(hasSshd, 'sshd and ssh-keygen (Debian package openssh-server)')) return;
  const { port, pid } = await startSshd();
  const d = await run(`127.0.0.1:${port}`);
  expect(application(d)).toMatchObject({ kind: 'banner', protocol: 'SSH' });
  expect(errors(d)).toEqual([]);
  const f = d.findings.find((x) => x.id === 'not-http')!;
  expect(f.severity).toBe('ok');
  expect(f.title).toBe(`127.0.0.1:${port} is an SSH server, not a web page`);
  expect(f.detail).toContain('SSH-2.0-OpenSSH');
  expect(f.fixes[0]!.command).toBe(`ssh -p ${port} 127.0.0.1`);
  const listener = d.facts.listeners.status === 'ok' ? d.facts.listeners.value.listeners[0] : undefined;
  expect(listener).toMatchObject({ pid, process: 'sshd' });
});

test('a real MariaDB is a MySQL-protocol server, named from its greeting, with the mariadb client offered', async () => {
  if (!requireOrSkip(hasMariadb, 'mariadbd (Debian package mariadb-server)')) return;
  const { port } = await startMariadb();
  const d = await run(`127.0.0.1:${port}`);
  expect(application(d)).toMatchObject({ kind: 'banner', protocol: 'MySQL' });
  expect(errors(d)).toEqual([]);
  const f = d.findings.find((x) => x.id === 'not-http')!;
  expect(f.severity).toBe('ok');
  expect(f.detail).toMatch(/MariaDB/);
  expect(f.fixes.map((x) => x.command).join('\n')).toMatch(new RegExp(`(mysql|mariadb) .*-P ${port}`));
});
