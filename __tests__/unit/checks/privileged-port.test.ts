import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Finding } from '@/lib/diagnosis/types';
import { listener, makeFacts } from '@/__tests__/support/facts';

const find = (d: ReturnType<typeof runChecks>, id: string) => d.findings.find((f) => f.id === id);
const commands = (f: Finding) => f.fixes.map((x) => x.command);

describe('privileged-port fixes', () => {
  test('a normal user starting on port 80 is sent to the free port first, never setcap first', () => {
    const d = runChecks(makeFacts({ target: '127.0.0.1:80', intent: 'start', freePort: 8079 }));
    const f = find(d, 'privileged-port')!;
    expect(f.detail).toContain('8079 is free right now');
    expect(f.fixes[0]!.command).toContain('8079');
    expect(commands(f).slice(1).join('\n')).toContain('setcap');
    expect(commands(f)).toContain('sudo sysctl net.ipv4.ip_unprivileged_port_start=80');
    expect(commands(f).some((c) => c.includes('/etc/authbind/byport/80') && c.includes('chown dev'))).toBe(
      true,
    );
    expect(d.summary.firstFix?.command ?? '').not.toContain('setcap');
  });

  test('setcap names the real binary of the runtime that listens: python3 for a python3 server', () => {
    const held = listener('127.0.0.1', 80, {
      process: 'python3',
      command: '/usr/bin/python3 -m http.server 80 --bind 127.0.0.1',
    });
    const f = find(
      runChecks(makeFacts({ target: '127.0.0.1:80', listeners: [held], freePort: 8079 })),
      'privileged-port',
    )!;
    const setcap = commands(f).find((c) => c.includes('setcap'))!;
    expect(setcap).toBe(`sudo setcap cap_net_bind_service=+ep "$(readlink -f "$(command -v python3)")"`);
    // The move keeps the program's own command, with only the port changed.
    expect(f.fixes[0]!.command).toContain('http.server 8079');
  });

  test('without a proven free port no number is invented', () => {
    const f = find(runChecks(makeFacts({ target: '127.0.0.1:80', intent: 'start' })), 'privileged-port')!;
    expect(f.fixes.some((x) => /PORT=|8080|1024\b/.test(x.command))).toBe(false);
  });
});
