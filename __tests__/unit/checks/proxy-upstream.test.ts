import { runChecks } from '@/lib/diagnosis/run-checks';
import {
  includePaths,
  nginxConfigFile,
  proxyBehind,
  proxyPassUpstreams,
  type ProxyConfig,
} from '@/lib/diagnosis/check-helpers/proxy-upstream';
import type { Facts } from '@/lib/diagnosis/types';
import { app, attempt, httpAnswer, listener, makeFacts } from '@/__tests__/support/facts';

describe('proxy_pass parser', () => {
  test('direct addresses, IPv6, https default port, named upstream blocks; comments, sockets and variables left out', () => {
    const conf = `
      upstream app { server 127.0.0.1:8001 weight=2; server localhost:8002; }
      server {
        listen 8080;
        location / { proxy_pass http://127.0.0.1:8001; }     # duplicate of the block's first server
        location /api/ { proxy_pass http://[::1]:9000/api/; }
        location /s { proxy_pass https://localhost; }
        location /b { proxy_pass http://app; }
        # proxy_pass http://127.0.0.1:7777;
        location /u { proxy_pass http://unix:/run/app.sock; }
        location /v { proxy_pass http://$backend; }
      }`;
    expect(proxyPassUpstreams(conf).map((u) => [u.host, u.port])).toEqual([
      ['127.0.0.1', 8001],
      ['::1', 9000],
      ['localhost', 443],
      ['localhost', 8002],
    ]);
    expect(proxyPassUpstreams(conf)[0]!.line).toBe('proxy_pass http://127.0.0.1:8001;');
  });

  test('a port outside 1–65535 is no address', () => {
    expect(proxyPassUpstreams('proxy_pass http://127.0.0.1:70000;')).toEqual([]);
  });

  test('include lines, comments skipped', () => {
    expect(
      includePaths('http { include mime.types; # include x;\n include /etc/nginx/sites-enabled/*; }'),
    ).toEqual(['mime.types', '/etc/nginx/sites-enabled/*']);
  });

  test('the config file: the master title’s -c, relative to -p; else the default', () => {
    const title = (line: string) =>
      listener('127.0.0.1', 8080, { process: 'nginx', argv: [line], command: line });
    expect(
      nginxConfigFile(title('nginx: master process /usr/sbin/nginx -c /tmp/x/nginx.conf -g daemon off;')),
    ).toEqual({
      path: '/tmp/x/nginx.conf',
      from: 'command line',
    });
    expect(nginxConfigFile(title('nginx: master process /usr/sbin/nginx -p /srv/px -c conf/n.conf'))).toEqual(
      {
        path: '/srv/px/conf/n.conf',
        from: 'command line',
      },
    );
    expect(nginxConfigFile(title('nginx: master process /usr/sbin/nginx'))).toEqual({
      path: '/etc/nginx/nginx.conf',
      from: 'default',
    });
  });

  test('a proxy is told by its Server header, else by the program holding the port', () => {
    expect(proxyBehind('nginx/1.26.3', [])).toBe('nginx');
    expect(proxyBehind('Caddy', [])).toBe('Caddy');
    expect(proxyBehind('Apache/2.4.62 (Debian)', [])).toBe('Apache');
    expect(proxyBehind('envoy', [])).toBe('Envoy');
    expect(proxyBehind(null, [listener('127.0.0.1', 80, { process: 'traefik', argv: ['traefik'] })])).toBe(
      'Traefik',
    );
    expect(proxyBehind('uvicorn', [listener('127.0.0.1', 80)])).toBeNull();
  });
});

describe('http-error from a proxy', () => {
  const answer = (status: number, reason: string, over: Partial<Facts> = {}) => {
    const facts: Facts = {
      ...makeFacts({
        target: '127.0.0.1:8080',
        listeners: [
          listener('127.0.0.1', 8080, { process: 'nginx', argv: null, command: 'nginx: worker process' }),
        ],
        attempts: [attempt('127.0.0.1', 8080, 'open')],
        application: app('127.0.0.1', 8080, {
          http: httpAnswer(status, { reason, server: 'nginx/1.26.3', title: `${status} ${reason}` }),
        }),
      }),
      ...over,
    };
    return runChecks(facts).findings.find((f) => f.id === 'http-error')!;
  };
  const config = (up: ProxyConfig['upstreams']): Facts['proxyConfig'] => ({
    status: 'ok',
    source: 'nginx config',
    durationMs: 1,
    value: {
      proxy: 'nginx',
      config: { path: '/etc/nginx/nginx.conf', from: 'default' },
      included: [],
      upstreams: up,
    },
  });

  test('503: the proxy is up, no upstream is available', () => {
    const f = answer(503, 'Service Temporarily Unavailable');
    expect(f.detail).toContain(
      'nginx itself is running and answered, but the program behind it failed: it has no upstream available',
    );
    expect(f.detail).toContain('its page says \u201c503 Service Temporarily Unavailable\u201d');
    expect(f.detail).not.toContain('in its own log or terminal (an exception');
  });

  test('504: the upstream timed out, and where it listens the check says it is up', () => {
    const f = answer(504, 'Gateway Time-out', {
      proxyConfig: config([
        {
          host: '127.0.0.1',
          port: 8001,
          line: 'proxy_pass http://127.0.0.1:8001;',
          listeners: [listener('127.0.0.1', 8001, { process: 'gunicorn' })],
        },
      ]),
    });
    expect(f.detail).toContain('its upstream accepted the request but did not answer in time');
    expect(f.detail).toContain('nginx forwards to 127.0.0.1:8001, where gunicorn listens');
    expect(f.detail).toContain('(from proxy_pass in /etc/nginx/nginx.conf, the default)');
    expect(f.fixes.map((x) => x.command)).toContain('npm run doctor -- 127.0.0.1:8001');
  });

  test('502 with nothing on the upstream: named, and the fix diagnoses that address', () => {
    const f = answer(502, 'Bad Gateway', {
      proxyConfig: config([
        // Bound on another address: does not serve 127.0.0.1.
        {
          host: '127.0.0.1',
          port: 8001,
          line: 'proxy_pass http://127.0.0.1:8001;',
          listeners: [listener('127.0.0.2', 8001)],
        },
      ]),
    });
    expect(f.detail).toContain('its upstream refused or reset the connection');
    expect(f.detail).toContain(
      'nginx forwards to 127.0.0.1:8001, where nothing listens \u2014 start the app behind it.',
    );
    expect(f.fixes[0]!.label).toBe('Diagnose the upstream 127.0.0.1:8001');
  });

  test('an unreadable config is said, not guessed', () => {
    const f = answer(502, 'Bad Gateway', {
      proxyConfig: {
        status: 'failed',
        error: 'EACCES: permission denied',
        source: 'nginx config',
        durationMs: 1,
      },
    });
    expect(f.detail).toContain('Its config could not be read (EACCES: permission denied)');
  });

  test('a 500 from a proxy is not explained as an upstream failure', () => {
    expect(answer(500, 'Internal Server Error').detail).toContain('failed while handling the request');
  });
});
