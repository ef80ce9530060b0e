/**
 * A real `openssl s_server -www` with certificates made by Debian's openssl, diagnosed as a person would type
 * it: a self-signed certificate is a warning with what Chromium and curl will say (never a bare "open it"),
 * a name the certificate does not list is its own warning, and an expired certificate (made with
 * `openssl ca -selfsign -startdate/-enddate`, as OpenSSL 3.0's x509 cannot back-date) says so.
 * Ports are proven free by binding them; every server is ended by pid.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '@/lib/diagnosis';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { closedPort } from '@/__tests__/support/servers';
import { requireOrSkip } from '@/__tests__/support/requirements';

const OPENSSL = '/usr/bin/openssl';
const hasOpenssl = existsSync(OPENSSL);

jest.setTimeout(60000);

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(
    children.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }),
  );
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const openssl = (cwd: string, ...args: string[]) =>
  execFileSync(OPENSSL, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30000 });

/** A self-signed CN=localhost certificate with no subjectAltName, valid for a day. */
function selfSigned(dir: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-days',
    '1',
    '-keyout',
    'key.pem',
    '-out',
    'cert.pem',
  );
}

/** The same, but valid only on 1–2 January 2020: `openssl ca -selfsign` accepts explicit dates. */
function expired(dir: string): void {
  openssl(
    dir,
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-keyout',
    'key.pem',
    '-out',
    'req.pem',
  );
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db', 'index.txt'), '');
  writeFileSync(join(dir, 'db', 'serial'), '01\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    '[ca]\ndefault_ca = d\n[d]\ndatabase = db/index.txt\nnew_certs_dir = db\nserial = db/serial\n' +
      'default_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n',
  );
  openssl(
    dir,
    'ca',
    '-batch',
    '-config',
    'ca.cnf',
    '-selfsign',
    '-keyfile',
    'key.pem',
    '-in',
    'req.pem',
    '-out',
    'cert.pem',
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200102000000Z',
    '-notext',
  );
}

/** The same, with the names in subjectAltName as mkcert writes them: what browsers read. */
function selfSignedWithSan(dir: string): void {
  openssl(
    dir,
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
    '-days',
    '1',
    '-keyout',
    'key.pem',
    '-out',
    'cert.pem',
  );
}

async function startSServer(make: (dir: string) => void): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-tls-'));
  dirs.push(dir);
  make(dir);
  const port = await closedPort();
  const child = spawn(
    OPENSSL,
    ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', 'cert.pem', '-key', 'key.pem', '-www'],
    { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`s_server not ready:\n${seen}`)), 20000);
    const look = (chunk: Buffer) => {
      seen += chunk.toString();
      if (/ACCEPT/.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s_server exited (${code}):\n${seen}`));
    });
  });
  return port;
}

async function run(target: string): Promise<Diagnosis> {
  const r = await diagnose(target);
  if (!r.ok) throw new Error(`${target}: ${r.error.message}`);
  return r.diagnosis;
}
const ids = (d: Diagnosis) => d.findings.map((f) => f.id);
const find = (d: Diagnosis, id: string) => d.findings.find((f) => f.id === id);
const tlsOf = (d: Diagnosis) =>
  d.facts.probes.status === 'ok' ? d.facts.probes.value.application?.tls : undefined;

describe('openssl s_server with a self-signed certificate', () => {
  test('https://127.0.0.1:P: answers, but untrusted and not named for 127.0.0.1 — with what browser and curl say', async () => {
    if (!requireOrSkip(hasOpenssl, 'openssl (Debian package openssl)')) return;
    const port = await startSServer(selfSigned);
    const d = await run(`https://127.0.0.1:${port}`);
    expect(tlsOf(d)).toMatchObject({
      subject: 'localhost',
      issuer: 'localhost',
      selfSigned: true,
      altNames: [],
      checkedHost: '127.0.0.1',
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(tlsOf(d)?.nameMismatch).toContain('127.0.0.1');
    expect(Date.parse(tlsOf(d)!.validTo!) - Date.parse(tlsOf(d)!.validFrom!)).toBe(86400000);
    expect(ids(d)).toEqual(expect.arrayContaining(['http-ok', 'tls-untrusted', 'tls-name-mismatch']));
    expect(ids(d)).not.toContain('tls-expired');

    const untrusted = find(d, 'tls-untrusted')!;
    expect(untrusted).toMatchObject({ severity: 'warning', step: 'open' });
    expect(untrusted.detail).toContain('NET::ERR_CERT_AUTHORITY_INVALID');
    expect(untrusted.detail).toContain('curl: (60) SSL certificate problem: self-signed certificate');
    expect(untrusted.detail).toContain('issued to \u201clocalhost\u201d');
    const commands = untrusted.fixes.map((f) => `${f.platform}: ${f.command}`);
    expect(commands).toEqual(
      expect.arrayContaining([
        `any: curl -vk https://127.0.0.1:${port}/`,
        'any: mkcert -install',
        'any: mkcert localhost 127.0.0.1 ::1',
        'linux: sudo cp cert.pem /usr/local/share/ca-certificates/localhost-dev.crt && sudo update-ca-certificates',
        'win32: Import-Certificate -FilePath cert.pem -CertStoreLocation Cert:\\CurrentUser\\Root',
      ]),
    );
    expect(commands.some((c) => c.startsWith('darwin: sudo security add-trusted-cert'))).toBe(true);

    const name = find(d, 'tls-name-mismatch')!;
    expect(name.detail).toContain('NET::ERR_CERT_COMMON_NAME_INVALID');
    expect(name.detail).toContain("target host name '127.0.0.1'");
    // The summary leads with the success, then the warning: never a bare "open it".
    expect(d.summary.severity).toBe('warning');
    expect(d.summary.cause).toBe('tls-untrusted');
    expect(d.summary.headline).toBe(
      `127.0.0.1:${port} answers: 200 \u201cok\u201d, but the certificate of 127.0.0.1:${port} is not trusted: the browser will warn before showing it`,
    );
  });

  test('https://localhost:P: untrusted, and localhost only in the CN, which browsers ignore (no subjectAltName)', async () => {
    if (!requireOrSkip(hasOpenssl, 'openssl (Debian package openssl)')) return;
    const port = await startSServer(selfSigned);
    const d = await run(`https://localhost:${port}`);
    // Node's own check still matches the CN; a browser does not.
    expect(tlsOf(d)).toMatchObject({ checkedHost: 'localhost', nameMismatch: null, altNames: [] });
    expect(ids(d)).toContain('tls-untrusted');
    const name = find(d, 'tls-name-mismatch')!;
    expect(name.title).toBe(
      `The certificate of localhost:${port} names localhost only as its Common Name, which browsers ignore`,
    );
    expect(name.detail).toContain('lists no subjectAltName');
    expect(name.detail).toContain('NET::ERR_CERT_COMMON_NAME_INVALID for localhost');
    expect(name.fixes.map((f) => f.command)).toContain('mkcert localhost 127.0.0.1 ::1');
  });
});

describe('openssl s_server with a subjectAltName certificate', () => {
  test('https://localhost:P: untrusted (self-signed), but named where browsers look: no name finding', async () => {
    if (!requireOrSkip(hasOpenssl, 'openssl (Debian package openssl)')) return;
    const port = await startSServer(selfSignedWithSan);
    const d = await run(`https://localhost:${port}`);
    expect(tlsOf(d)?.altNames).toEqual(expect.arrayContaining(['DNS:localhost']));
    expect(ids(d)).toContain('tls-untrusted');
    expect(ids(d)).not.toContain('tls-name-mismatch');
  });
});

describe('openssl s_server with an expired certificate', () => {
  test('says it has expired, with NET::ERR_CERT_DATE_INVALID and curl’s words', async () => {
    if (!requireOrSkip(hasOpenssl, 'openssl (Debian package openssl)')) return;
    const port = await startSServer(expired);
    const d = await run(`https://localhost:${port}`);
    expect(tlsOf(d)).toMatchObject({
      validFrom: '2020-01-01T00:00:00.000Z',
      validTo: '2020-01-02T00:00:00.000Z',
    });
    const f = find(d, 'tls-expired')!;
    expect(f).toMatchObject({ severity: 'warning', step: 'open' });
    expect(f.title).toBe(`The certificate of ${d.target.display} has expired`);
    expect(f.detail).toContain('NET::ERR_CERT_DATE_INVALID');
    expect(f.detail).toContain('curl: (60) SSL certificate problem: certificate has expired');
  });
});
