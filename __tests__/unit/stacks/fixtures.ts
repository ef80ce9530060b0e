/**
 * Command lines as /proc/<pid>/cmdline gives them (NUL-split argv) for each stack. Those marked "captured"
 * were read from the real process on a test machine (python 3.11.7 via pyenv, Vite 8.4.0, Next.js 16.4.6);
 * the others are written from each program's documented command line and process-title behaviour.
 */
export interface Fixture {
  stack: string;
  name: string;
  argv: string[];
  captured?: true;
}

export const fixtures: Fixture[] = [
  {
    stack: 'django',
    name: 'Django runserver',
    argv: ['/home/u/site/.venv/bin/python3', 'manage.py', 'runserver', '0.0.0.0:8000', '--noreload'],
  },
  {
    stack: 'django',
    name: 'Django runserver',
    argv: ['python', '-m', 'django', 'runserver', '--settings', 'site.dev', '8000'],
  },
  {
    stack: 'gunicorn',
    name: 'gunicorn',
    argv: [
      '/srv/app/venv/bin/python3',
      '/srv/app/venv/bin/gunicorn',
      'app:app',
      '-w',
      '4',
      '-b',
      '0.0.0.0:8000',
    ],
  },
  { stack: 'gunicorn', name: 'gunicorn', argv: ['gunicorn: master [app:app]'] },
  {
    stack: 'uvicorn',
    name: 'uvicorn',
    argv: [
      '/home/u/api/.venv/bin/python',
      '/home/u/api/.venv/bin/uvicorn',
      'main:app',
      '--reload',
      '--host',
      '0.0.0.0',
      '--port',
      '8000',
    ],
  },
  {
    stack: 'fastapi',
    name: 'FastAPI CLI',
    argv: ['/home/u/api/.venv/bin/python', '/home/u/api/.venv/bin/fastapi', 'dev', 'main.py'],
  },
  {
    stack: 'flask',
    name: 'Flask development server',
    argv: [
      '/home/u/web/venv/bin/python',
      '/home/u/web/venv/bin/flask',
      '--app',
      'hello',
      '--debug',
      'run',
      '-p',
      '5000',
    ],
  },
  {
    stack: 'python-http-server',
    name: 'Python http.server',
    argv: ['/root/.pyenv/versions/3.11.7/bin/python3', '-m', 'http.server', '0', '--bind', '127.0.0.1'],
    captured: true,
  },
  {
    stack: 'vite',
    name: 'Vite dev server',
    argv: ['node', '/tmp/stackcap/v/node_modules/.bin/vite', '--port', '47312', '--host', '127.0.0.1'],
    captured: true,
  },
  {
    stack: 'vite',
    name: 'Vite dev server',
    argv: ['node', '/tmp/stackcap/v/node_modules/.bin/vite', '--port', '47313'],
    captured: true,
  },
  {
    stack: 'vite',
    name: 'Vite preview server',
    argv: ['node', '/home/u/app/node_modules/vite/bin/vite.js', 'preview', '--host'],
  },
  { stack: 'next', name: 'Next.js server', argv: ['next-server (v16.4.6)'], captured: true },
  {
    stack: 'next',
    name: 'Next.js dev server',
    argv: [
      'node',
      '/tmp/stackcap/nx/node_modules/.bin/next',
      'dev',
      '--port',
      '47311',
      '--hostname',
      '127.0.0.1',
    ],
    captured: true,
  },
  {
    stack: 'next',
    name: 'Next.js production server',
    argv: ['node', '/home/u/shop/node_modules/next/dist/bin/next', 'start', '-p', '3000'],
  },
  {
    stack: 'webpack-dev-server',
    name: 'webpack-dev-server',
    argv: [
      'node',
      '/home/u/app/node_modules/.bin/webpack',
      'serve',
      '--mode',
      'development',
      '--port',
      '8080',
    ],
  },
  {
    stack: 'webpack-dev-server',
    name: 'webpack-dev-server',
    argv: ['node', '/home/u/app/node_modules/.bin/webpack-dev-server', '--host', '0.0.0.0'],
  },
  {
    stack: 'create-react-app',
    name: 'Create React App dev server',
    argv: ['/usr/bin/node', '/home/u/cra/node_modules/react-scripts/scripts/start.js'],
  },
  {
    stack: 'angular',
    name: 'Angular dev server (ng serve)',
    argv: ['node', '/home/u/ng-app/node_modules/.bin/ng', 'serve', '--port', '4200'],
  },
  {
    stack: 'rails',
    name: 'Rails server',
    argv: ['ruby', 'bin/rails', 'server', '-b', '0.0.0.0', '-p', '3000', '-e', 'development'],
  },
  { stack: 'puma', name: 'Puma (Rails or Rack)', argv: ['puma 6.4.2 (tcp://0.0.0.0:3000) [blog]'] },
  {
    stack: 'puma',
    name: 'Puma',
    argv: [
      '/home/u/.rbenv/versions/3.3.0/bin/ruby',
      '/home/u/app/bin/puma',
      '-C',
      'config/puma.rb',
      '-p',
      '9292',
    ],
  },
  { stack: 'php', name: 'PHP built-in server', argv: ['php', '-S', '0.0.0.0:8000', '-t', 'public'] },
  {
    stack: 'php',
    name: 'Laravel (php artisan serve)',
    argv: [
      '/usr/bin/php8.2',
      '-S',
      '127.0.0.1:8000',
      '/home/u/lara/vendor/laravel/framework/src/Illuminate/Foundation/resources/server.php',
    ],
  },
  {
    stack: 'nginx',
    name: 'nginx',
    argv: ['nginx: master process /usr/sbin/nginx -g daemon on; master_process on;'],
  },
  { stack: 'nginx', name: 'nginx', argv: ['nginx: master process nginx -c /home/u/proxy/nginx.conf'] },
  { stack: 'nginx', name: 'nginx', argv: ['nginx: worker process'] },
  { stack: 'apache', name: 'Apache httpd', argv: ['/usr/sbin/apache2', '-k', 'start'] },
  { stack: 'apache', name: 'Apache httpd', argv: ['httpd', '-DFOREGROUND'] },
  {
    stack: 'caddy',
    name: 'Caddy',
    argv: ['/usr/bin/caddy', 'run', '--environ', '--config', '/etc/caddy/Caddyfile'],
  },
  { stack: 'caddy', name: 'Caddy', argv: ['caddy', 'file-server', '--listen', ':8080', '--root', 'site'] },
  { stack: 'node-script', name: 'Node.js script server.js', argv: ['node', '--watch', 'server.js'] },
  {
    stack: 'spring-boot',
    name: 'Spring Boot',
    argv: ['java', '-Xmx512m', '-jar', 'target/demo-0.0.1-SNAPSHOT.jar', '--server.port=8080'],
  },
  {
    stack: 'spring-boot',
    name: 'Spring Boot',
    argv: [
      '/usr/lib/jvm/java-21/bin/java',
      '-XX:TieredStopAtLevel=1',
      '-cp',
      '/home/u/demo/target/classes:/home/u/.m2/repository/org/springframework/boot/spring-boot/3.3.0/spring-boot-3.3.0.jar',
      'com.example.demo.DemoApplication',
    ],
  },
];
