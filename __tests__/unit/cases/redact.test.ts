import fc from 'fast-check';
import { redactCase, redactValue } from '@/lib/cases/redact';
import { HOME, secretServerDiagnosis, sessionCase } from './case-fixtures';

const SECRETS = ['hunter2', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', 's3cretpw'];

describe('a case whose server was started with secrets in its command line', () => {
  const { caseFile, redactions } = redactCase(sessionCase(), { home: HOME, machineHostname: 'alice-laptop' });
  const text = JSON.stringify(caseFile);

  test('no secret survives anywhere: argv, the joined command line, findings and fix commands', () => {
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(text).toContain('[REDACTED:secret-argument]');
  });

  test('the home directory becomes ~ and the host name stays unless asked', () => {
    expect(text).not.toContain(`${HOME}/`);
    expect(text).toContain('~/shop/server.js');
    expect(text).toContain('alice-laptop');
    const withHost = JSON.stringify(
      redactCase(sessionCase(), { home: HOME, hostname: true, machineHostname: 'alice-laptop' }).caseFile,
    );
    expect(withHost).not.toContain('alice-laptop');
    expect(withHost).toContain('<hostname>');
  });

  test('each redaction says what it hid, where, and what it became', () => {
    const pw = redactions.find((r) => r.original === 'hunter2')!;
    expect(pw).toMatchObject({ kind: 'secret-argument', replacement: '[REDACTED:secret-argument]' });
    expect(pw.where).toMatch(
      /^entries\[\d+\]\.payload\.diagnosis\.facts\.listeners\.value\.listeners\[0\]\.(command|argv\[3\])$/,
    );
    expect(pw.occurrences).toBeGreaterThan(1);
    expect(redactions.find((r) => r.original === 's3cretpw')?.kind).toBe('url-password');
    expect(redactions.find((r) => r.original === HOME)?.replacement).toBe('~');
  });

  test('ids are stable, and a kept id leaves exactly that text in place', () => {
    const again = redactCase(sessionCase(), { home: HOME, machineHostname: 'alice-laptop' });
    expect(again.redactions.map((r) => r.id)).toEqual(redactions.map((r) => r.id));
    const pw = redactions.find((r) => r.original === 'hunter2')!;
    const kept = JSON.stringify(redactCase(sessionCase(), { home: HOME, keep: [pw.id] }).caseFile);
    expect(kept).toContain('hunter2');
    expect(kept).not.toContain('s3cretpw');
  });
});

describe('the rules, one by one', () => {
  const redacted = (s: string) => redactValue({ s }, { home: null }).value.s;
  test.each([
    ['mysql -u root -phunter22 shop', 'hunter22'],
    ['redis-cli -a hunter22 ping', 'hunter22'],
    ['redis-server --requirepass hunter22', 'hunter22'],
    ['sshpass -p hunter22 ssh host', 'hunter22'],
    ['app --token abcdef123', 'abcdef123'],
    ["'--password=hunter22'", 'hunter22'],
    ['PGPASSWORD=hunter22 psql', 'hunter22'],
    ['env STRIPE_SECRET_KEY=whatever1 node', 'whatever1'],
    ['curl -u bob:hunter22 http://x', 'hunter22'],
    ['GET /cb?code=1&token=abc123xyz&x=1', 'abc123xyz'],
    ['https://bob:hunter22@example.com/', 'hunter22'],
    ['key AKIAIOSFODNN7EXAMPLE here', 'AKIAIOSFODNN7EXAMPLE'],
    ['ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789'],
    ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop'],
    ['xoxb-1234567890-abcdefghij', 'xoxb-1234567890-abcdefghij'],
    ['Authorization: Bearer abcdefghijklmnop', 'abcdefghijklmnop'],
    [
      't=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', 'MIIEpAIBAAKCAQEA'],
  ])('%s', (input, secret) => {
    expect(redacted(input)).not.toContain(secret);
    expect(redacted(input)).toContain('[REDACTED:');
  });

  test('-p means a password only for the programs where it does', () => {
    expect(redacted('mysql -p shop')).toBe('mysql -p shop');
    expect(redacted('python3 -m http.server -p 8000')).toBe('python3 -m http.server -p 8000');
    expect(redacted('ssh -p 2222 host')).toBe('ssh -p 2222 host');
  });

  test("another user's home keeps its shape without the name", () => {
    expect(redacted('/home/bob/app.py and /Users/carol/x and C:\\Users\\dave\\y')).toBe(
      '/home/<user>/app.py and /Users/<user>/x and C:\\Users\\<user>\\y',
    );
  });
});

describe('properties', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{8,24}$/);
  const planted = fc.oneof(
    secret.map((s) => ({ s, argv: ['node', 'app.js', '--password', s] })),
    secret.map((s) => ({ s, argv: ['node', `--api-key=${s}`] })),
    secret.map((s) => ({ s, argv: ['redis-cli', '-a', s] })),
    secret.map((s) => ({ s, argv: ['worker', `DB_PASSWORD=${s}`] })),
    secret.map((s) => ({ s, argv: ['curl', `https://me:${s}@api.example/`] })),
    secret.map((s) => ({ s, argv: ['curl', `http://127.0.0.1/x?secret=${s}`] })),
    secret.map((s) => ({ s: `ghp_${s}${s}${s}`, argv: ['gh', `ghp_${s}${s}${s}`] })),
    fc.stringMatching(/^[0-9A-Z]{16}$/).map((s) => ({ s: `AKIA${s}`, argv: ['aws', `AKIA${s}`] })),
    secret.map((s) => ({ s: `sk_live_${s}${s}`, argv: ['node', `sk_live_${s}${s}`] })),
  );

  test('a planted secret never survives, whichever field holds it and whatever surrounds it', () => {
    const filler = fc.stringMatching(/^[a-z0-9 .,]{0,30}$/);
    fc.assert(
      fc.property(planted, filler, filler, fc.nat(4), ({ s, argv }, before, after, where) => {
        const diagnosis = secretServerDiagnosis(argv);
        const c = sessionCase([diagnosis]);
        const line = `${before} ${argv.join(' ')} ${after}`;
        if (where === 1) (c.entries[1]!.payload as { text: string }).text = line;
        if (where === 2)
          (
            c.entries[0]!.payload as { diagnosis: { findings: { detail: string }[] } }
          ).diagnosis.findings[0]!.detail = line;
        if (where === 3) (c.entries[2]!.payload as { command: string }).command = line;
        const out = JSON.stringify(redactCase(c, { home: HOME }).caseFile);
        expect(out).not.toContain(s);
      }),
      { numRuns: 100 },
    );
  });

  test('text without secrets, paths or the host name comes out untouched', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9 .,:]{0,40}$/), { maxLength: 8 }), (texts) => {
        const value = { notes: texts, argv: texts };
        expect(redactValue(value, { home: HOME, hostname: true, machineHostname: 'alice-laptop' })).toEqual({
          value,
          redactions: [],
        });
      }),
    );
  });
});
