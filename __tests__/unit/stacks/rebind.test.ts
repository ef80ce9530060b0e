import { rebindAdvice, recognise } from '@/lib/stacks';
import type { Rebind, RebindTarget } from '@/lib/stacks';

function rebind(argv: string[], to: RebindTarget, extra: { cwd?: string; executable?: string } = {}): Rebind {
  const advice = rebindAdvice({ argv, ...extra }, to);
  if (advice.kind !== 'recognised') throw new Error(`not recognised: ${argv.join(' ')}`);
  return advice.rebind;
}
const argvs = (r: Rebind) => r.commands.map((c) => c.argv);
const loop = (port: number): RebindTarget => ({ host: '127.0.0.1', port });

describe('Django runserver', () => {
  test('0.0.0.0:8000 becomes 127.0.0.1:8000 and --noreload stays', () => {
    const r = rebind(['python3', 'manage.py', 'runserver', '0.0.0.0:8000', '--noreload'], loop(8000));
    expect(argvs(r)).toEqual([['python3', 'manage.py', 'runserver', '127.0.0.1:8000', '--noreload']]);
    expect(r.notes.join(' ')).toMatch(/reads no PORT/);
  });
  test('with no address it gets one right after runserver; an option value is not taken for the address', () => {
    expect(argvs(rebind(['python3', 'manage.py', 'runserver'], loop(62894)))).toEqual([
      ['python3', 'manage.py', 'runserver', '127.0.0.1:62894'],
    ]);
    expect(
      argvs(rebind(['python', '-m', 'django', 'runserver', '--settings', 'site.dev', '8000'], loop(8001)))[0],
    ).toEqual(['python', '-m', 'django', 'runserver', '--settings', 'site.dev', '127.0.0.1:8001']);
  });
  test('IPv6 goes in brackets; -6 is dropped for an IPv4 address (runserver refuses the pair)', () => {
    expect(
      argvs(rebind(['python3', 'manage.py', 'runserver', '8000'], { host: '::1', port: 8000 }))[0],
    ).toEqual(['python3', 'manage.py', 'runserver', '[::1]:8000']);
    expect(argvs(rebind(['python3', 'manage.py', 'runserver', '-6', '[::]:8000'], loop(8000)))[0]).toEqual([
      'python3',
      'manage.py',
      'runserver',
      '127.0.0.1:8000',
    ]);
  });
});

test('gunicorn: -b keeps its spelling, --bind=… too, a second bind is dropped, none is appended', () => {
  const py = ['/srv/venv/bin/python3', '/srv/venv/bin/gunicorn'];
  expect(argvs(rebind([...py, 'app:app', '-w', '4', '-b', '0.0.0.0:8000'], loop(8000)))[0]).toEqual([
    ...py,
    'app:app',
    '-w',
    '4',
    '-b',
    '127.0.0.1:8000',
  ]);
  expect(
    argvs(rebind([...py, '--bind=0.0.0.0:8000', 'app:app', '--bind', 'unix:/tmp/g.sock'], loop(8001)))[0],
  ).toEqual([...py, '--bind=127.0.0.1:8001', 'app:app']);
  expect(argvs(rebind([...py, 'app:app'], { host: '::1', port: 8000 }))[0]).toEqual([
    ...py,
    'app:app',
    '--bind',
    '[::1]:8000',
  ]);
});

test('gunicorn under its own process title: the usual command with the app from the title', () => {
  const r = rebind(['gunicorn: master [shop.wsgi:application]'], loop(8000));
  expect(argvs(r)).toEqual([['gunicorn', 'shop.wsgi:application', '--bind', '127.0.0.1:8000']]);
  expect(r.commands[0]!.kind).toBe('alternative');
});

test('uvicorn and fastapi: --host without brackets, --port', () => {
  expect(
    argvs(
      rebind(['uvicorn', 'main:app', '--host', '0.0.0.0', '--port', '8000', '--reload'], {
        host: '::1',
        port: 9000,
      }),
    )[0],
  ).toEqual(['uvicorn', 'main:app', '--host', '::1', '--port', '9000', '--reload']);
  expect(argvs(rebind(['fastapi', 'dev', 'main.py'], loop(8001)))[0]).toEqual([
    'fastapi',
    'dev',
    'main.py',
    '--host',
    '127.0.0.1',
    '--port',
    '8001',
  ]);
});

test('flask: options after run change, the group options before it stay', () => {
  expect(
    argvs(rebind(['flask', '--app', 'hello', 'run', '-h', '0.0.0.0', '-p', '5000'], loop(5001)))[0],
  ).toEqual(['flask', '--app', 'hello', 'run', '-h', '127.0.0.1', '-p', '5001']);
});

test('python -m http.server: the positional port and --bind (captured argv)', () => {
  const py = '/root/.pyenv/versions/3.11.7/bin/python3';
  expect(argvs(rebind([py, '-m', 'http.server', '0', '--bind', '0.0.0.0'], loop(8000)))[0]).toEqual([
    py,
    '-m',
    'http.server',
    '8000',
    '--bind',
    '127.0.0.1',
  ]);
  expect(
    argvs(rebind(['python3', '-m', 'http.server', '-d', 'site'], { host: '::1', port: 8000 }))[0],
  ).toEqual(['python3', '-m', 'http.server', '8000', '-d', 'site', '--bind', '::1']);
});

describe('Vite', () => {
  test('npx vite --port 5173 → --host added, --port replaced, --strictPort added', () => {
    expect(argvs(rebind(['npx', 'vite', '--port', '5173'], loop(5174)))).toEqual([
      ['npx', 'vite', '--port', '5174', '--host', '127.0.0.1', '--strictPort'],
      ['npm', 'run', 'dev', '--', '--host', '127.0.0.1', '--port', '5174', '--strictPort'],
    ]);
  });
  test('behind npm run dev (captured argv): the real argv, the npx form and the npm run dev -- form, all in the project', () => {
    const r = rebind(
      ['node', '/tmp/stackcap/v/node_modules/.bin/vite', '--port', '47312', '--host', '0.0.0.0'],
      loop(5174),
    );
    expect(argvs(r)).toEqual([
      [
        'node',
        '/tmp/stackcap/v/node_modules/.bin/vite',
        '--port',
        '5174',
        '--host',
        '127.0.0.1',
        '--strictPort',
      ],
      ['npx', 'vite', '--port', '5174', '--host', '127.0.0.1', '--strictPort'],
      ['npm', 'run', 'dev', '--', '--host', '127.0.0.1', '--port', '5174', '--strictPort'],
    ]);
    expect(r.commands.map((c) => c.cwd)).toEqual(['/tmp/stackcap/v', '/tmp/stackcap/v', '/tmp/stackcap/v']);
  });
  test('a bare --host (all addresses) gets the address as its value; --port=… keeps the = form', () => {
    expect(argvs(rebind(['vite', '--host', '--port=3000', '--strictPort'], loop(3001)))[0]).toEqual([
      'vite',
      '--host',
      '127.0.0.1',
      '--port=3001',
      '--strictPort',
    ]);
  });
});

describe('Next.js', () => {
  test('next dev behind npm run dev (captured argv): -H/-p forms kept, npx and npm forms offered', () => {
    const r = rebind(
      ['node', '/tmp/stackcap/nx/node_modules/.bin/next', 'dev', '--port', '47311', '--hostname', '0.0.0.0'],
      loop(3001),
    );
    expect(argvs(r)).toEqual([
      ['node', '/tmp/stackcap/nx/node_modules/.bin/next', 'dev', '--port', '3001', '--hostname', '127.0.0.1'],
      ['npx', 'next', 'dev', '--port', '3001', '--hostname', '127.0.0.1'],
      ['npm', 'run', 'dev', '--', '--hostname', '127.0.0.1', '--port', '3001'],
    ]);
  });
  test('the renamed next-server process (captured): the usual commands, and a note that its parent has the real one', () => {
    const r = rebind(['next-server (v16.4.6)'], loop(3001), { cwd: '/home/u/shop' });
    expect(argvs(r)[0]).toEqual(['npx', 'next', 'dev', '--hostname', '127.0.0.1', '--port', '3001']);
    expect(r.commands.every((c) => c.cwd === '/home/u/shop' && c.kind === 'alternative')).toBe(true);
    expect(r.notes[0]).toMatch(/renamed its process \("next-server \(v16\.4\.6\)"\).*parent/);
  });
});

test('webpack serve and angular ng serve: --host/--port', () => {
  expect(
    argvs(rebind(['node', '/a/node_modules/.bin/webpack', 'serve', '--port', '8080'], loop(8081)))[1],
  ).toEqual(['npx', 'webpack', 'serve', '--port', '8081', '--host', '127.0.0.1']);
  expect(
    argvs(rebind(['node', '/a/node_modules/.bin/ng', 'serve', '--port', '4200'], loop(4201)))[1],
  ).toEqual(['npx', 'ng', 'serve', '--port', '4201', '--host', '127.0.0.1']);
});

test('Create React App: the same argv with HOST and PORT in the environment, and npm start', () => {
  const r = rebind(['/usr/bin/node', '/home/u/cra/node_modules/react-scripts/scripts/start.js'], loop(3001));
  expect(r.commands.map((c) => [c.argv, c.env, c.cwd])).toEqual([
    [
      ['/usr/bin/node', '/home/u/cra/node_modules/react-scripts/scripts/start.js'],
      { HOST: '127.0.0.1', PORT: '3001' },
      '/home/u/cra',
    ],
    [['npm', 'start'], { HOST: '127.0.0.1', PORT: '3001' }, '/home/u/cra'],
  ]);
});

test('Rails -b -p; Puma -b tcp://…, its -p dropped (it would add a second bind)', () => {
  expect(
    argvs(rebind(['bin/rails', 'server', '-b', '0.0.0.0', '-p', '3000', '-e', 'development'], loop(3001)))[0],
  ).toEqual(['bin/rails', 'server', '-b', '127.0.0.1', '-p', '3001', '-e', 'development']);
  expect(
    argvs(
      rebind(['bundle', 'exec', 'puma', '-C', 'config/puma.rb', '-p', '9292'], { host: '::1', port: 9293 }),
    )[0],
  ).toEqual(['bundle', 'exec', 'puma', '-C', 'config/puma.rb', '-b', 'tcp://[::1]:9293']);
});

test('a Puma process title: the rails and puma forms, naming the app', () => {
  const r = rebind(['puma 6.4.2 (tcp://0.0.0.0:3000) [blog]'], loop(3000));
  expect(argvs(r)).toEqual([
    ['bin/rails', 'server', '-b', '127.0.0.1', '-p', '3000'],
    ['bundle', 'exec', 'puma', '-b', 'tcp://127.0.0.1:3000'],
  ]);
  expect(r.notes[0]).toContain('app "blog"');
});

test('php -S host:port, IPv6 in brackets; Laravel also gets artisan serve', () => {
  expect(argvs(rebind(['php', '-S', '0.0.0.0:8000', '-t', 'public'], { host: '::1', port: 8000 }))).toEqual([
    ['php', '-S', '[::1]:8000', '-t', 'public'],
  ]);
  const lara = '/home/u/lara/vendor/laravel/framework/src/Illuminate/Foundation/resources/server.php';
  expect(argvs(rebind(['/usr/bin/php8.2', '-S', '127.0.0.1:8000', lara], loop(8001)))[1]).toEqual([
    'php',
    'artisan',
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    '8001',
  ]);
});

describe('nginx', () => {
  test('the -c file from the master title, the listen line, and test + reload with the same -c', () => {
    const r = rebind(['nginx: master process nginx -c /home/u/proxy/nginx.conf'], {
      host: '127.0.0.1',
      port: 8080,
      from: { host: '0.0.0.0', port: 80 },
    });
    expect(r.commands).toEqual([]);
    expect(r.configEdit).toMatchObject({
      file: '/home/u/proxy/nginx.conf',
      fileFrom: 'command line',
      findWith: ['nginx', '-c', '/home/u/proxy/nginx.conf', '-T'],
      lines: ['listen 127.0.0.1:8080;'],
    });
    expect(r.configEdit!.instruction).toContain('listens on port 80');
    expect(r.reload.map((c) => c.argv)).toEqual([
      ['nginx', '-c', '/home/u/proxy/nginx.conf', '-t'],
      ['nginx', '-c', '/home/u/proxy/nginx.conf', '-s', 'reload'],
    ]);
  });
  test('no -c: the default file, nginx -T to confirm it, the binary from the title; IPv6 listen in brackets', () => {
    const r = rebind(['nginx: master process /usr/sbin/nginx -g daemon on; master_process on;'], {
      host: '::1',
      port: 8080,
    });
    expect(r.configEdit).toMatchObject({
      file: '/etc/nginx/nginx.conf',
      fileFrom: 'default',
      findWith: ['/usr/sbin/nginx', '-T'],
      lines: ['listen [::1]:8080;'],
    });
    expect(r.reload.at(-1)!.argv).toEqual(['/usr/sbin/nginx', '-s', 'reload']);
  });
  test('a worker process says the master holds the command line', () => {
    expect(rebind(['nginx: worker process'], loop(8080)).notes[0]).toMatch(/worker.*master/);
  });
});

test('Apache: Debian edits ports.conf and reloads through apache2ctl; -f names the file', () => {
  const deb = rebind(['/usr/sbin/apache2', '-k', 'start'], {
    host: '127.0.0.1',
    port: 8080,
    from: { host: '0.0.0.0', port: 80 },
  });
  expect(deb.configEdit).toMatchObject({
    file: '/etc/apache2/ports.conf',
    lines: ['Listen 127.0.0.1:8080'],
    instruction: 'Replace the Listen 80 line with:',
  });
  expect(deb.reload.map((c) => c.argv)).toEqual([
    ['apache2ctl', '-t'],
    ['apache2ctl', '-k', 'graceful'],
  ]);
  const own = rebind(['httpd', '-f', '/srv/web/httpd.conf', '-DFOREGROUND'], loop(8080));
  expect(own.configEdit).toMatchObject({ file: '/srv/web/httpd.conf', fileFrom: 'command line' });
  expect(own.reload.at(-1)!.argv).toEqual(['httpd', '-f', '/srv/web/httpd.conf', '-k', 'graceful']);
});

test('Caddy: run --config edits the Caddyfile and reloads it; file-server changes --listen', () => {
  const run = rebind(['/usr/bin/caddy', 'run', '--environ', '--config', '/etc/caddy/Caddyfile'], loop(8080));
  expect(run.configEdit).toMatchObject({
    file: '/etc/caddy/Caddyfile',
    lines: [':8080 {', '\tbind 127.0.0.1', '}'],
  });
  expect(run.reload[0]!.argv).toEqual(['caddy', 'reload', '--config', '/etc/caddy/Caddyfile']);
  expect(
    argvs(
      rebind(['caddy', 'file-server', '--listen', ':8080', '--root', 'site'], { host: '::1', port: 8081 }),
    ),
  ).toEqual([['caddy', 'file-server', '--listen', '[::1]:8081', '--root', 'site']]);
  expect(rebind(['caddy', 'run', '--config', 'caddy.json'], loop(8080)).configEdit!.lines).toEqual([
    '"listen": ["127.0.0.1:8080"]',
  ]);
});

test('a node script: PORT in the environment only, with the note that it works only if the script reads it', () => {
  const r = rebind(['node', '--watch', 'server.js'], loop(3001));
  expect(r.commands.map((c) => [c.argv, c.env])).toEqual([
    [['node', '--watch', 'server.js'], { PORT: '3001' }],
  ]);
  expect(r.notes[0]).toMatch(/only if the script reads process\.env\.PORT.*listen\(3001, '127\.0\.0\.1'\)/);
});

test('Spring Boot: --server.port=… replaced in place, --server.address added; a Maven classpath also gets mvnw', () => {
  expect(
    argvs(
      rebind(
        ['java', '-jar', 'target/demo.jar', '--server.port=8080', '--spring.profiles.active=dev'],
        loop(8081),
      ),
    )[0],
  ).toEqual([
    'java',
    '-jar',
    'target/demo.jar',
    '--server.port=8081',
    '--spring.profiles.active=dev',
    '--server.address=127.0.0.1',
  ]);
  const cp =
    '/home/u/demo/target/classes:/home/u/.m2/repository/org/springframework/boot/spring-boot/3.3.0/spring-boot-3.3.0.jar';
  const r = rebind(['java', '-Dserver.port=8080', '-cp', cp, 'com.example.Demo'], loop(8081));
  expect(argvs(r)).toEqual([
    ['java', '-Dserver.port=8081', '-cp', cp, 'com.example.Demo', '--server.address=127.0.0.1'],
    [
      './mvnw',
      'spring-boot:run',
      '-Dspring-boot.run.arguments=--server.address=127.0.0.1 --server.port=8081',
    ],
  ]);
});

test('a command split from a joined string says a path with a space may be split', () => {
  const advice = rebindAdvice({ command: 'python3 manage.py runserver 0.0.0.0:8000' }, loop(8000));
  expect(advice.kind === 'recognised' && advice.rebind.notes.at(-1)).toMatch(/read as one string/);
  expect(recognise({ argv: ['python3', 'manage.py', 'runserver'] })).not.toBeNull();
});
