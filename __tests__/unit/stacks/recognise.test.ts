import { recognise, rebindAdvice, stackByName, stacks } from '@/lib/stacks';
import { fixtures } from './fixtures';

describe.each(fixtures)('$argv', ({ stack, name, argv }) => {
  test(`is recognised as ${name}`, () => {
    const found = recognise({ argv });
    expect(found?.stack.id).toBe(stack);
    expect(found?.match.name).toBe(name);
  });

  test('is recognised the same from the space-joined command lib/host gives today', () => {
    expect(recognise({ command: argv.join(' ') })?.stack.id).toBe(stack);
  });
});

test('every stack has a fixture, and stackByName lists each one under its id', () => {
  expect(new Set(fixtures.map((f) => f.stack))).toEqual(new Set(stacks.map((s) => s.id)));
  for (const s of stacks) expect(stackByName[s.id]).toBe(s);
});

test('the evidence quotes the words the recognition rests on', () => {
  expect(recognise({ argv: ['python3', 'manage.py', 'runserver'] })?.match.evidence).toEqual([
    'manage.py',
    'runserver',
  ]);
  expect(recognise({ argv: ['nginx: master process /usr/sbin/nginx'] })?.match.evidence).toEqual([
    'nginx: master process',
  ]);
});

test('a plain node script is a low-confidence guess; a dev server behind node is certain', () => {
  expect(recognise({ argv: ['node', 'dist/index.js'] })?.match.confidence).toBe('low');
  expect(recognise({ argv: ['node', '/p/node_modules/.bin/vite'] })?.match.confidence).toBe('high');
});

test.each([
  [['node', 'server.js', '--name', 'vite'], 'node-script'],
  [['node', '/p/node_modules/.bin/vite', 'build', '--watch'], null],
  [['node', '/p/node_modules/.bin/next', 'build'], null],
  [['python3', 'manage.py', 'migrate'], null],
  [['python3', 'app.py'], null],
  [['java', '-jar', 'tool.jar'], null],
  [['php', 'artisan', 'queue:work'], null],
  [['/usr/lib/postgresql/16/bin/postgres', '-D', '/var/lib/postgresql/16/main'], null],
  [['sh', '-c', 'vite --port 5173'], null],
])('%j is %s (words after a non-launcher do not count, builds do not serve)', (argv, id) => {
  expect(recognise({ argv })?.stack.id ?? null).toBe(id);
});

test('what the user is about to type is recognised through package runners', () => {
  expect(recognise({ command: 'npx vite --port 5173' })?.stack.id).toBe('vite');
  expect(recognise({ command: 'pnpm exec next dev' })?.stack.id).toBe('next');
  expect(recognise({ command: 'bundle exec rails s' })?.stack.id).toBe('rails');
  expect(recognise({ command: 'poetry run python manage.py runserver' })?.stack.id).toBe('django');
  expect(recognise({ command: 'uv run flask run' })?.stack.id).toBe('flask');
  expect(recognise({ command: 'PORT=8000 python3 -m http.server' })?.stack.id).toBe('python-http-server');
  expect(
    recognise({ command: '"C:\\Program Files\\nodejs\\node.exe" C:\\app\\node_modules\\vite\\bin\\vite.js' })
      ?.stack.id,
  ).toBe('vite');
});

test('the executable name alone recognises nginx when its title was not rewritten', () => {
  expect(recognise({ argv: ['nginx', '-g', 'daemon off;'] })?.stack.id).toBe('nginx');
  expect(recognise({ command: null, executable: '/usr/sbin/nginx' })?.stack.id).toBe('nginx');
});

test('an unknown program keeps its own command line above the generic list', () => {
  const advice = rebindAdvice(
    { argv: ['/opt/mystery/bin/serve', '--listen', '0.0.0.0:9000'] },
    { host: '127.0.0.1', port: 9000 },
  );
  expect(advice.kind).toBe('unknown');
  if (advice.kind !== 'unknown') return;
  expect(advice.commandLine).toBe('/opt/mystery/bin/serve --listen 0.0.0.0:9000');
  expect(advice.generic.map((c) => c.label)).toContain('Django');
  expect(rebindAdvice(null, { host: '127.0.0.1', port: 9000 })).toMatchObject({
    kind: 'unknown',
    commandLine: null,
  });
});
