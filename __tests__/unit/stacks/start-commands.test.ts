import { startCommandsFor } from '@/lib/stacks';
import { startFixes } from '@/lib/diagnosis/commands';

test('the same entries as startFixes, in the same order, each as argv that joins back to its command', () => {
  for (const [host, port] of [
    ['127.0.0.1', 62894],
    ['::1', 8000],
  ] as const) {
    const fixes = startFixes(host, port);
    const commands = startCommandsFor(host, port);
    expect(commands.map((c) => [c.platform, c.label])).toEqual(fixes.map((f) => [f.platform, f.label]));
    commands.forEach((c, i) => {
      const text = c.kind === 'code' ? c.code : c.argv.join(' ');
      // A fix quoted for a shell (Spring Boot's one argument with a space) is compared word for word.
      const { script, command } = fixes[i]!;
      expect(text).toBe(script ? script.map((w) => ('word' in w ? w.word : '?')).join(' ') : command);
    });
  }
});

test('IPv6: bracketed for runserver, php -S and Go; bare for the separate --host flags', () => {
  const byLabel = Object.fromEntries(
    startCommandsFor('::1', 8000).map((c) => [`${c.platform} ${c.label}`, c]),
  );
  expect(byLabel['linux Django']).toMatchObject({ argv: ['python', 'manage.py', 'runserver', '[::1]:8000'] });
  expect(byLabel['linux PHP built-in server']).toMatchObject({ argv: ['php', '-S', '[::1]:8000'] });
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
