import { runChecks } from '@/lib/diagnosis/run-checks';
import { toListener } from '@/lib/host/listeners/rows';
import { listener, makeFacts } from '@/__tests__/support/facts';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id)!;
const commands = (d: ReturnType<typeof runChecks>, id: string) => find(d, id).fixes.map((f) => f.command);

const django = ['python3', 'manage.py', 'runserver', '[::1]:8080', '--noreload'];
const nginx = ['nginx: master process /usr/sbin/nginx -c /srv/site/nginx.conf'];

describe('fixes name the listener’s own program', () => {
  test('port-taken by Django: runserver on the free port, no PORT=, and how to stop it', () => {
    const d = runChecks(
      makeFacts({
        intent: 'start',
        target: '127.0.0.1:8000',
        listeners: [listener('127.0.0.1', 8000, { pid: 77, process: 'python3', argv: [...django] })],
        freePort: 8001,
      }),
    );
    expect(commands(d, 'port-taken')).toEqual(
      expect.arrayContaining(['python3 manage.py runserver 127.0.0.1:8001 --noreload', 'kill 77']),
    );
    expect(commands(d, 'port-taken')).not.toContain('PORT=8001');
    expect(find(d, 'port-taken').detail).toContain('runserver reads no PORT variable');
  });

  test('port-taken by a program it does not know keeps PORT= and quotes its command line', () => {
    const d = runChecks(
      makeFacts({
        intent: 'start',
        listeners: [listener('127.0.0.1', 3000, { process: 'myd', command: '/opt/myd --serve' })],
        freePort: 3002,
      }),
    );
    expect(commands(d, 'port-taken')).toContain('PORT=3002');
    expect(find(d, 'port-taken').detail).toContain('started as “/opt/myd --serve”');
  });

  test('family-mismatch on Django bound to [::1]: its own command on 127.0.0.1, not the list of stacks', () => {
    const d = runChecks(
      makeFacts({
        target: '127.0.0.1:8080',
        listeners: [listener('::1', 8080, { process: 'python3', argv: [...django] })],
        attempts: [],
      }),
    );
    const f = find(d, 'family-mismatch');
    expect(f.fixes.map((x) => x.command)).toContain('python3 manage.py runserver 127.0.0.1:8080 --noreload');
    expect(f.fixes.map((x) => x.label)).not.toContain('Or restart it on 127.0.0.1: Vite');
  });

  test('wildcard-exposed nginx: the listen line for the -c file, then nginx -t and -s reload with that -c', () => {
    const d = runChecks(
      makeFacts({
        target: '127.0.0.1:8080',
        listeners: [listener('0.0.0.0', 8080, { process: 'nginx', command: nginx[0]!, argv: [...nginx] })],
      }),
    );
    const f = find(d, 'wildcard-exposed');
    const edit = f.fixes.find((x) => x.shell === 'code')!;
    expect(edit.command).toBe('listen 127.0.0.1:8080;');
    expect(edit.label).toContain('/srv/site/nginx.conf');
    expect(f.fixes.map((x) => x.command)).toEqual(
      expect.arrayContaining([
        '/usr/sbin/nginx -c /srv/site/nginx.conf -t',
        '/usr/sbin/nginx -c /srv/site/nginx.conf -s reload',
      ]),
    );
    expect(f.fixes.map((x) => x.command)).not.toContain('PORT=8080 npm run dev');
  });

  test('an unknown wildcard listener: its command line quoted above the generic list', () => {
    const d = runChecks(
      makeFacts({
        target: '127.0.0.1:3000',
        listeners: [listener('0.0.0.0', 3000, { process: 'myd', command: '/opt/myd --serve' })],
      }),
    );
    const f = find(d, 'wildcard-exposed');
    expect(f.detail).toContain('It was started as “/opt/myd --serve”');
    expect(f.fixes.map((x) => x.label)).toContain('Restart it on 127.0.0.1 only: Django');
  });

  test('a command line the host reader cut is not handed back as a command', () => {
    const long = ['python3', 'manage.py', 'runserver', '0.0.0.0:8000', ...Array(400).fill('--x=yyyyyyyy')];
    const row = toListener(
      { protocol: 'tcp', address: '0.0.0.0', port: 8000, family: 'IPv4', pid: 5 },
      { name: 'python3', command: long.join(' '), argv: long, executable: '/usr/bin/python3.11' },
    );
    expect(row.argv!.join(' ').length).toBeLessThan(2100);
    expect(row.argv!.at(-1)).toMatch(/… \(cut: \d+ more words\)$/);
    const d = runChecks(
      makeFacts({ target: '127.0.0.1:8000', listeners: [{ ...listener('0.0.0.0', 8000), ...row }] }),
    );
    const cmds = commands(d, 'wildcard-exposed');
    expect(cmds.some((c) => c.startsWith('python3 manage.py runserver'))).toBe(false);
    expect(find(d, 'wildcard-exposed').detail).toContain('does not recognise');
  });
  test('an unknown program with a long command line (a node -e script) is quoted only as far as it names the program', () => {
    const script = `node -e ${'const x = 1; '.repeat(100)}`;
    const d = runChecks(
      makeFacts({
        target: '127.0.0.1:3000',
        listeners: [listener('::1', 3000, { process: 'node', command: script })],
      }),
    );
    const detail = find(d, 'family-mismatch').detail;
    expect(detail).toContain('It was started as “node -e const x = 1;');
    expect(detail).toMatch(/… \(cut: \d+ more characters\)”/);
    expect(detail.length).toBeLessThan(script.length);
  });
});
