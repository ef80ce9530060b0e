import { startCommandsFor } from '@/lib/stacks';
import { parse } from 'shell-quote';
import { startFixes } from '@/lib/diagnosis/commands';

test('startFixes shows every start command, each quoted so that it parses back to its argv', () => {
  for (const [host, port] of [
    ['127.0.0.1', 62894],
    ['::1', 8000],
  ] as const) {
    const fixes = startFixes(host, port);
    for (const c of startCommandsFor(host, port)) {
      const shown = fixes.filter(
        (f) => f.label === c.label && (c.platform === 'any' || f.platform === c.platform),
      );
      expect(shown.length).toBeGreaterThan(0);
      if (c.kind === 'code') {
        expect(shown.map((f) => f.command)).toEqual([c.code]);
        continue;
      }
      const posix = shown.find((f) => f.shell === 'posix' || f.shell === 'portable');
      if (posix) expect(parse(posix.command)).toEqual(c.argv);
    }
  }
});

test('code to paste holds the host as a string literal, whatever the host is', () => {
  const [express] = startCommandsFor('::1', 8000).filter((c) => c.kind === 'code');
  expect(express).toMatchObject({ code: expect.stringContaining('app.listen(8000, "::1")') });
});

test('IPv6: bracketed for runserver, php -S and Go; bare for the separate --host flags', () => {
  const byLabel = Object.fromEntries(
    startCommandsFor('::1', 8000).map((c) => [`${c.platform} ${c.label}`, c]),
  );
  expect(byLabel['any Django']).toMatchObject({ argv: ['python', 'manage.py', 'runserver', '[::1]:8000'] });
  expect(byLabel['any PHP built-in server']).toMatchObject({ argv: ['php', '-S', '[::1]:8000'] });
  expect(byLabel['any Vite']).toMatchObject({
    argv: ['npx', 'vite', '--host', '::1', '--port', '8000', '--strictPort'],
  });
  expect(byLabel['win32 Static files (Python)']).toMatchObject({
    argv: ['py', '-m', 'http.server', '8000', '--bind', '::1'],
  });
});

test('the recognised program comes first and the rest of the list stays, in order', () => {
  const all = startCommandsFor('127.0.0.1', 5173).map((c) => c.label);
  const vite = startCommandsFor('127.0.0.1', 5173, { prefer: 'vite' }).map((c) => c.label);
  expect(vite[0]).toBe('Vite');
  expect(vite.slice(1)).toEqual(all.filter((l) => l !== 'Vite'));
});
