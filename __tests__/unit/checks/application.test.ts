import { runChecks } from '@/lib/diagnosis/run-checks';
import { app, attempt, httpAnswer, listener, makeFacts } from '@/__tests__/support/facts';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);
const serving = (over: Parameters<typeof app>[2], target = '127.0.0.1:3000') =>
  runChecks(
    makeFacts({
      target,
      listeners: [listener('127.0.0.1', 3000)],
      attempts: [attempt('127.0.0.1', 3000, 'open')],
      application: app('127.0.0.1', 3000, over),
    }),
  );

describe('what answered', () => {
  test('HTTP 200 is http-ok with title and server, and the summary says it works', () => {
    const d = serving({ http: httpAnswer(200) });
    expect(find(d, 'http-ok')!.title).toBe(
      '127.0.0.1:3000 answers: 200 \u201cOK\u201d \u2014 \u201cMy App\u201d',
    );
    expect(find(d, 'http-ok')!.detail).toContain('server \u201cuvicorn\u201d');
    expect(d.summary).toMatchObject({ severity: 'ok', cause: 'http-ok' });
  });

  test('a redirect is http-ok with its target', () => {
    const d = serving({ http: httpAnswer(302, { location: '/login', title: null }) });
    expect(find(d, 'http-ok')!.detail).toContain('redirecting to \u201c/login\u201d');
  });

  test('HTTP 500 is an http-error with the status', () => {
    const d = serving({ http: httpAnswer(500) });
    const f = find(d, 'http-error')!;
    expect(f).toMatchObject({
      severity: 'error',
      title: '127.0.0.1:3000 answers HTTP 500 \u201cInternal Server Error\u201d',
    });
    expect(d.summary.cause).toBe('http-error');
  });

  test('HTTP 404 is a warning about the path', () => {
    expect(find(serving({ http: httpAnswer(404) }), 'http-error')!.severity).toBe('warning');
  });

  test('a TLS server asked without https:// is tls-expected', () => {
    const d = serving({
      kind: 'https',
      protocol: 'HTTPS',
      http: httpAnswer(200),
      tls: {
        protocol: 'TLSv1.3',
        cipher: 'TLS_AES_256_GCM_SHA384',
        subject: 'localhost',
        issuer: 'localhost',
        validTo: null,
        authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      },
    });
    const f = find(d, 'tls-expected')!;
    expect(f.fixes[0]!.command).toBe('https://127.0.0.1:3000/');
    expect(f.detail).toContain('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  test('https:// to a plain HTTP server is tls-not-offered', () => {
    const d = serving({ http: httpAnswer(200) }, 'https://127.0.0.1:3000/');
    expect(find(d, 'tls-not-offered')!.severity).toBe('error');
  });

  test('an SSH banner is not-http with an ssh command', () => {
    const d = serving({ kind: 'banner', protocol: 'SSH', banner: 'SSH-2.0-OpenSSH_9.2p1' });
    const f = find(d, 'not-http')!;
    expect(f.title).toBe('127.0.0.1:3000 is an SSH server, not a web page');
    expect(f.fixes[0]!.command).toBe('ssh -p 3000 127.0.0.1');
  });

  test('silence is no-response, closing is closed', () => {
    expect(
      find(serving({ kind: 'no-response', protocol: null, timeMs: 2850 }), 'no-response')!.detail,
    ).toContain('2850 ms');
    expect(find(serving({ kind: 'closed', protocol: null }), 'closed')!.severity).toBe('error');
  });
});

test('a working address with only a warning leads with the success, then the warning', () => {
  const d = runChecks(
    makeFacts({
      listeners: [listener('0.0.0.0', 3000)],
      attempts: [attempt('127.0.0.1', 3000, 'open')],
      application: app('127.0.0.1', 3000, { http: httpAnswer(200) }),
    }),
  );
  expect(d.summary.severity).toBe('warning');
  expect(d.summary.headline).toBe(
    '127.0.0.1:3000 answers: 200 \u201cOK\u201d \u2014 \u201cMy App\u201d, but port 3000 is reachable from other machines (0.0.0.0:3000)',
  );
});
