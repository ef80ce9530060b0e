import { runChecks } from '@/lib/diagnosis/run-checks';
import {
  caddyConfigFile,
  caddyImports,
  jsonReverseProxyUpstreams,
  reverseProxyUpstreams,
} from '@/lib/diagnosis/check-helpers/caddy-config';
import {
  apacheConfigFile,
  apacheIncludes,
  proxyPassUrls,
  serverRoot,
} from '@/lib/diagnosis/check-helpers/apache-config';
import { configuredProxy, type ProxyConfig } from '@/lib/diagnosis/check-helpers/proxy-upstream';
import type { Facts } from '@/lib/diagnosis/types';
import { app, attempt, httpAnswer, listener, makeFacts } from '@/__tests__/support/facts';

const addresses = (ups: { host: string; port: number }[]) => ups.map((u) => [u.host, u.port]);

describe('Caddyfile parser', () => {
  test('reverse_proxy addresses in every form, a matcher first, `to` lines of its block; comments, placeholders and sockets left out', () => {
    const caddyfile = `
      # reverse_proxy 127.0.0.1:7777
      :8080 {
        reverse_proxy /api/* 127.0.0.1:8000 localhost:8001
        reverse_proxy @ws http://127.0.0.1:8002 {
          header_up Host {host}
          transport http {
            dial_timeout 2s
          }
        }
        reverse_proxy {
          to :8003 https://app.local
          lb_policy first
        }
        reverse_proxy 127.0.0.1:8000 # again
        reverse_proxy {env.BACKEND} unix//run/app.sock
      }`;
    expect(addresses(reverseProxyUpstreams(caddyfile))).toEqual([
      ['127.0.0.1', 8000],
      ['localhost', 8001],
      ['127.0.0.1', 8002],
      ['localhost', 8003],
      ['app.local', 443],
    ]);
    expect(reverseProxyUpstreams(caddyfile)[0]!.line).toBe(
      'reverse_proxy /api/* 127.0.0.1:8000 localhost:8001',
    );
    expect(reverseProxyUpstreams(caddyfile)[3]!.line).toBe('reverse_proxy { to :8003 https://app.local }');
    expect(reverseProxyUpstreams(caddyfile)[2]!.line).toBe('reverse_proxy @ws http://127.0.0.1:8002');
    expect(reverseProxyUpstreams('reverse_proxy 127.0.0.1:8000 { header_up X-Token s3cret }')[0]!.line).toBe(
      'reverse_proxy 127.0.0.1:8000',
    );
  });

  test('import lines that name files or globs; snippet names are not files', () => {
    expect(
      caddyImports('(common) {\n}\nimport common\nimport sites/*.caddy\nimport "proxy.caddy"\n'),
    ).toEqual(['sites/*.caddy', 'proxy.caddy']);
  });

  test('a JSON config (as `caddy adapt` writes it): upstreams[].dial of every reverse_proxy handler, nested or not', () => {
    // Output of `caddy adapt` for a Caddyfile with two handle blocks.
    const json =
      '{"admin":{"disabled":true},"apps":{"http":{"servers":{"srv0":{"listen":[":8080"],"routes":[{"match":[{"host":["127.0.0.1"]}],"handle":[{"handler":"subroute","routes":[{"group":"group2","handle":[{"handler":"subroute","routes":[{"handle":[{"handler":"reverse_proxy","upstreams":[{"dial":"127.0.0.1:8001"},{"dial":"localhost:8002"}]}]}]}],"match":[{"path":["/api/*"]}]},{"group":"group2","handle":[{"handler":"subroute","routes":[{"handle":[{"handler":"reverse_proxy","upstreams":[{"dial":"[::1]:9000"}]}]}]}]}]}],"terminal":true}]}}}}}';
    expect(addresses(jsonReverseProxyUpstreams(json))).toEqual([
      ['127.0.0.1', 8001],
      ['localhost', 8002],
      ['::1', 9000],
    ]);
    expect(jsonReverseProxyUpstreams(json)[2]!.line).toBe('"dial": "[::1]:9000"');
    expect(() => jsonReverseProxyUpstreams('{"apps": ')).toThrow();
  });

  test('the config file: --config against the working directory; else ./Caddyfile; the adapter as Caddy picks it', () => {
    const caddy = (argv: string[], cwd: string | null = '/srv/site') =>
      caddyConfigFile(listener('127.0.0.1', 8080, { process: 'caddy', argv, command: argv.join(' '), cwd }));
    expect(caddy(['caddy', 'run', '--config', 'conf/Caddyfile'])).toEqual({
      path: '/srv/site/conf/Caddyfile',
      from: 'command line',
      adapter: 'caddyfile',
    });
    expect(
      caddy([
        '/usr/bin/caddy',
        'run',
        '--environ',
        '--config',
        '/etc/caddy/site.conf',
        '--adapter',
        'caddyfile',
      ]),
    ).toEqual({ path: '/etc/caddy/site.conf', from: 'command line', adapter: 'caddyfile' });
    expect(caddy(['caddy', 'run', '--config=/etc/caddy/caddy.json'])!.adapter).toBe('json');
    expect(caddy(['caddy', 'run'])).toEqual({
      path: '/srv/site/Caddyfile',
      from: 'default',
      adapter: 'caddyfile',
    });
    expect(caddy(['caddy', 'run'], null)).toBeNull();
  });
});

describe('Apache config parser', () => {
  test('ProxyPass and ProxyPassMatch URLs, BalancerMembers; ProxyPassReverse, exclusions, balancer names and sockets left out', () => {
    const conf = `
      # ProxyPass / http://127.0.0.1:7777/
      <VirtualHost *:8080>
        ProxyPass /static !
        ProxyPass "/api/" "http://127.0.0.1:8000/api/" retry=0
        ProxyPassReverse /api/ http://127.0.0.1:9999/api/
        proxypassmatch ^/ws/(.*)$ ws://[::1]:8001/$1
        ProxyPass /j ajp://localhost
        ProxyPass /s unix:/run/app.sock|http://localhost/
        ProxyPass /b balancer://app/
        <Proxy balancer://app>
          BalancerMember http://127.0.0.1:8002
          BalancerMember http://127.0.0.1:8000
        </Proxy>
      </VirtualHost>`;
    expect(addresses(proxyPassUrls(conf))).toEqual([
      ['127.0.0.1', 8000],
      ['::1', 8001],
      ['localhost', 8009],
      ['127.0.0.1', 8002],
    ]);
    expect(proxyPassUrls(conf)[0]!.line).toBe('ProxyPass "/api/" "http://127.0.0.1:8000/api/" retry=0');
  });

  test('Include and IncludeOptional paths; module files and ${VAR} paths left out; ServerRoot', () => {
    // The include lines of Debian's /etc/apache2/apache2.conf, in order.
    const debian = [
      'ServerRoot "/etc/apache2"',
      'IncludeOptional mods-enabled/*.load',
      'IncludeOptional mods-enabled/*.conf',
      'Include ports.conf',
      '#Include conf-available/x.conf',
      'IncludeOptional conf-enabled/*.conf',
      'IncludeOptional sites-enabled/*.conf',
      'Include ${APACHE_CONFDIR}/extra.conf',
    ].join('\n');
    expect(apacheIncludes(debian)).toEqual(['ports.conf', 'conf-enabled/*.conf', 'sites-enabled/*.conf']);
    expect(serverRoot(debian)).toBe('/etc/apache2');
    expect(serverRoot('Listen 80')).toBeNull();
  });

  test('the config file: -f against -d or the build’s ServerRoot; else Debian’s apache2.conf or httpd.conf', () => {
    const apache = (argv: string[]) =>
      apacheConfigFile(listener('127.0.0.1', 8080, { process: argv[0]!, argv, command: argv.join(' ') }));
    expect(apache(['/usr/sbin/apache2', '-f', '/tmp/x/httpd.conf', '-DFOREGROUND'])).toEqual({
      path: '/tmp/x/httpd.conf',
      from: 'command line',
      root: '/etc/apache2',
    });
    expect(apache(['/usr/sbin/apache2', '-d', '/srv/web', '-f', 'conf/site.conf'])).toEqual({
      path: '/srv/web/conf/site.conf',
      from: 'command line',
      root: '/srv/web',
    });
    expect(apache(['/usr/sbin/apache2', '-k', 'start'])).toEqual({
      path: '/etc/apache2/apache2.conf',
      from: 'default',
      root: '/etc/apache2',
    });
    expect(apache(['/usr/sbin/httpd', '-DFOREGROUND']).path).toBe('/etc/httpd/conf/httpd.conf');
  });

  test('the proxy whose config is read: nginx first, then Caddy, then Apache; anything else none', () => {
    const caddy = listener('127.0.0.1', 80, { process: 'caddy', argv: ['caddy', 'run'] });
    const apache = listener('127.0.0.1', 80, {
      process: 'apache2',
      argv: ['/usr/sbin/apache2', '-k', 'start'],
    });
    expect(configuredProxy([apache, caddy])).toEqual({ proxy: 'Caddy', owner: caddy });
    expect(configuredProxy([apache])).toEqual({ proxy: 'Apache', owner: apache });
    expect(
      configuredProxy([listener('127.0.0.1', 80, { process: 'node', argv: ['node', 'x.js'] })]),
    ).toBeNull();
  });
});

describe('http-error names the directive of the proxy that answered', () => {
  const answer = (server: string, owner: ReturnType<typeof listener>, value: ProxyConfig) => {
    const facts: Facts = {
      ...makeFacts({
        target: '127.0.0.1:8080',
        listeners: [owner],
        attempts: [attempt('127.0.0.1', 8080, 'open')],
        application: app('127.0.0.1', 8080, { http: httpAnswer(502, { reason: 'Bad Gateway', server }) }),
      }),
      proxyConfig: { status: 'ok', source: 'config', durationMs: 1, value },
    };
    return runChecks(facts).findings.find((f) => f.id === 'http-error')!;
  };
  const up = (port: number) => ({ host: 'localhost', port, line: `x ${port}`, listeners: [] });

  test('Caddy: reverse_proxy in its Caddyfile; none found is said with that word', () => {
    const caddy = listener('127.0.0.1', 8080, { process: 'caddy', argv: ['caddy', 'run'] });
    const config = { path: '/srv/Caddyfile', from: 'default' } as const;
    const f = answer('Caddy', caddy, { proxy: 'Caddy', config, included: [], upstreams: [up(8001)] });
    expect(f.detail).toContain('Caddy forwards to localhost:8001, where nothing listens');
    expect(f.detail).toContain('(from reverse_proxy in /srv/Caddyfile, the default)');
    const none = answer('Caddy', caddy, { proxy: 'Caddy', config, included: [], upstreams: [] });
    expect(none.detail).toContain('Its config (/srv/Caddyfile, the default) names no reverse_proxy address');
  });

  test('Apache: ProxyPass, and an upstream on ::1 serves localhost', () => {
    const apache = listener('127.0.0.1', 8080, {
      process: 'apache2',
      argv: ['/usr/sbin/apache2', '-k', 'start'],
    });
    const f = answer('Apache/2.4.62 (Debian)', apache, {
      proxy: 'Apache',
      config: { path: '/etc/apache2/apache2.conf', from: 'default' },
      included: ['/etc/apache2/sites-enabled/app.conf'],
      upstreams: [{ ...up(8001), listeners: [listener('::1', 8001, { process: 'gunicorn' })] }],
    });
    expect(f.detail).toContain('Apache forwards to localhost:8001, where gunicorn listens');
    expect(f.detail).toContain('(from ProxyPass in /etc/apache2/apache2.conf, the default)');
  });
});
