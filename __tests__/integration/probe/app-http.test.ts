import { applicationDeadlineMs, probeApplication } from '@/lib/probe/app';
import type { ProbeTimeouts } from '@/lib/probe/types';
import {
  cleanupAll,
  hasIPv6Loopback,
  reportTimings,
  startDualModeServer,
  startHttpServer,
  startHttpsServer,
  startSilentTlsServer,
  timed,
} from '@/__tests__/support/servers';
import { LOADED_MACHINE_SLACK_MS } from '@/__tests__/support/timing';
import { requireOrSkip } from '@/__tests__/support/requirements';

const timeouts: ProbeTimeouts = { connectMs: 500, bannerMs: 150, responseMs: 500 };
/** However the server behaves, a probe ends by its deadline plus this. */
const TOLERANCE_MS = LOADED_MACHINE_SLACK_MS;
const deadline = applicationDeadlineMs(timeouts) + TOLERANCE_MS;

const probe = (port: number, extra: { preferTls?: boolean; address?: string; path?: string } = {}) =>
  probeApplication(extra.address ?? '127.0.0.1', port, {
    timeouts,
    hostHeader: `localhost:${port}`,
    path: extra.path ?? '/',
    preferTls: extra.preferTls,
  });

const page = '<!doctype html><html><head><title>My  Dev &amp; App</title></head><body>hello</body></html>';

afterEach(cleanupAll);
afterAll(reportTimings);

describe('probeApplication over HTTP', () => {
  it('reads status, Server header and <title> of a dev server answering 200', async () => {
    const requests: { host?: string; ua?: string; url?: string }[] = [];
    const server = await startHttpServer((req, res) => {
      requests.push({ host: req.headers.host, ua: req.headers['user-agent'], url: req.url });
      res.writeHead(200, {
        Server: 'TestDev/1.0',
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(page),
      });
      res.end(page);
    });
    const { value, ms } = await timed('http 200', () => probe(server.port, { path: '/dashboard?tab=1' }));
    expect(value).toMatchObject({ kind: 'http', protocol: 'HTTP', tls: null, banner: null });
    expect(value.http).toMatchObject({
      httpVersion: '1.1',
      status: 200,
      reason: 'OK',
      server: 'TestDev/1.0',
      contentType: 'text/html; charset=utf-8',
      title: 'My Dev & App',
      location: null,
      bodyBytes: Buffer.byteLength(page),
      bodyTruncated: false,
    });
    expect(value.http?.ttfbMs).toBeGreaterThanOrEqual(0);
    expect(requests).toEqual([
      {
        host: `localhost:${server.port}`,
        ua: 'LocalhostDoctor/0.1 (+diagnosis probe)',
        url: '/dashboard?tab=1',
      },
    ]);
    // It waited for the banner window, then got its answer without waiting out the response timeout.
    expect(ms).toBeLessThan(timeouts.bannerMs + timeouts.responseMs);
  });

  it('finds the title in a chunked (streamed) HTML body, like a Next.js dev server sends', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.write('<html><head><ti');
      setTimeout(() => res.end('tle>Streamed</title></head></html>'), 20);
    });
    const { value } = await timed('http 200 chunked', () => probe(server.port));
    expect(value.kind).toBe('http');
    expect(value.http).toMatchObject({ status: 200, title: 'Streamed', bodyTruncated: false });
    // Counted as on the wire: chunk-size lines and the terminator are included.
    expect(value.http?.bodyBytes).toBeGreaterThan('<html><head><title>Streamed</title></head></html>'.length);
  });

  it('reports a 500 with its status and reason', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(500, 'Internal Server Error', { 'Content-Type': 'text/plain', 'Content-Length': 4 });
      res.end('boom');
    });
    const { value } = await timed('http 500', () => probe(server.port));
    expect(value.kind).toBe('http');
    expect(value.http).toMatchObject({
      status: 500,
      reason: 'Internal Server Error',
      title: null,
      bodyBytes: 4,
    });
  });

  it('reports a redirect with its Location as sent', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(307, { Location: '/login?next=%2F' });
      res.end();
    });
    const { value } = await timed('http 307 redirect', () => probe(server.port));
    expect(value.http).toMatchObject({
      status: 307,
      reason: 'Temporary Redirect',
      location: '/login?next=%2F',
    });
  });

  it('detects HTTPS behind a plaintext request and reports the self-signed certificate', async () => {
    const server = await startHttpsServer((_req, res) => {
      res.writeHead(200, { Server: 'SecureDev', 'Content-Type': 'text/html' });
      res.end('<title>Secure</title>');
    });
    const { value, ms } = await timed('https (plaintext first, then TLS)', () => probe(server.port));
    expect(value).toMatchObject({ kind: 'https', protocol: 'HTTPS' });
    expect(value.http).toMatchObject({ status: 200, server: 'SecureDev', title: 'Secure' });
    expect(value.tls).toMatchObject({
      subject: 'localhost',
      issuer: 'localhost',
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(value.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(value.tls?.cipher).toBeTruthy();
    expect(value.tls?.validTo).toMatch(/^21\d\d-/);
    expect(ms).toBeLessThan(deadline);
  });

  it.each([
    ['a TLS alert record (OpenSSL-based servers)', Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46])],
    [
      'a 400 naming HTTPS (Go net/http, Caddy)',
      'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n',
    ],
    [
      'a 400 naming HTTPS (nginx)',
      'HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n<center>The plain HTTP request was sent to HTTPS port</center>',
    ],
  ])('retries with TLS when the plaintext request gets %s', async (scenario, answer) => {
    const server = await startDualModeServer(answer, (_req, res) => res.end('<title>behind TLS</title>'));
    const { value, ms } = await timed(`https after ${scenario}`, () => probe(server.port));
    expect(value.kind).toBe('https');
    expect(value.http?.title).toBe('behind TLS');
    expect(ms).toBeLessThan(deadline);
  });

  it('with preferTls goes straight to TLS', async () => {
    const server = await startHttpsServer((_req, res) => res.end('ok'));
    // A banner window far longer than a TLS handshake on a loaded machine: finishing before it proves none was waited.
    const longBanner = { ...timeouts, bannerMs: 5000 };
    const { value, ms } = await timed('https (preferTls)', () =>
      probeApplication('127.0.0.1', server.port, {
        timeouts: longBanner,
        hostHeader: `localhost:${server.port}`,
        path: '/',
        preferTls: true,
      }),
    );
    expect(value.kind).toBe('https');
    expect(value.http?.status).toBe(200);
    expect(ms).toBeLessThan(longBanner.bannerMs); // no banner wait on the TLS-first path
  });

  it('with preferTls falls back to plaintext when the server speaks plain HTTP', async () => {
    const server = await startHttpServer((_req, res) => res.end('plain'));
    const { value, ms } = await timed('http (preferTls, fell back)', () =>
      probe(server.port, { preferTls: true }),
    );
    expect(value.kind).toBe('http');
    expect(value.message).toMatch(/TLS handshake failed/);
    expect(ms).toBeLessThan(deadline);
  });

  it('reports a TLS server that never answers HTTP as tls, within the deadline', async () => {
    const server = await startSilentTlsServer();
    const { value, ms } = await timed('tls, silent after handshake', () =>
      probe(server.port, { preferTls: true }),
    );
    expect(value).toMatchObject({ kind: 'tls', protocol: 'TLS', http: null });
    expect(value.tls?.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(ms).toBeLessThan(deadline);
  });

  it('talks HTTP to a server on ::1', async () => {
    if (!requireOrSkip(hasIPv6Loopback, 'an IPv6 loopback address (::1)')) return;
    const server = await startHttpServer((_req, res) => res.end('<title>v6</title>'), '::1');
    const { value } = await timed('http on ::1', () => probe(server.port, { address: '::1' }));
    expect(value).toMatchObject({ address: '::1', kind: 'http' });
    expect(value.http?.title).toBe('v6');
  });
});
