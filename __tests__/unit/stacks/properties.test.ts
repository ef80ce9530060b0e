/** Property-based: rebind changes only the address/port words of the user's argv and keeps the rest in order. */
import fc from 'fast-check';
import { recognise, stackByName } from '@/lib/stacks';
import { fixtures } from './fixtures';

// Programs whose address lives in a config file, or whose process title hides the argv, give no same-command.
const editable = fixtures.filter((f) => {
  const r = recognise({ argv: f.argv })!;
  return (
    r.stack.rebind(
      { argv: f.argv, exact: true, line: f.argv.join(' '), executable: null, cwd: null },
      { host: '127.0.0.1', port: 1 },
    ).commands[0]?.kind === 'same-command'
  );
});

/** The argv without the words that carry an address or port: option names, their values, positional host:port. */
function withoutAddressWords(argv: readonly string[], options: readonly string[]) {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const name = options.find(
      (o) =>
        w === o || w.startsWith(`${o}=`) || (o.length === 2 && w.startsWith(o) && /^[\d[:]/.test(w.slice(2))),
    );
    if (name) {
      const next = argv[i + 1];
      if (
        w === name &&
        next !== undefined &&
        !next.startsWith('-') &&
        !['-6', '--ipv6', '--strictPort', '--strict-port'].includes(name)
      )
        i++;
      continue;
    }
    if (/^(\[[0-9a-f:.]+\]|[0-9.]+|localhost)?:?\d+$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

const hosts = fc.oneof(
  fc.constantFrom('127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'),
  fc.ipV4(),
  fc.ipV6(),
);
// Extra words a user might add: options and values that mean nothing to any of these programs.
const userWords = fc.array(fc.stringMatching(/^(--x-[a-z]{1,8}|x[a-z0-9_]{0,8})$/), { maxLength: 4 });

test.each(editable.map((f) => [f.argv.join(' '), f] as const))(
  '%s: only address and port words change',
  (_, f) => {
    const stack = stackByName[f.stack]!;
    fc.assert(
      fc.property(hosts, fc.integer({ min: 1, max: 65535 }), userWords, (host, port, extra) => {
        const argv = [...f.argv, ...extra];
        const cmd = { argv, exact: true, line: argv.join(' '), executable: null, cwd: null };
        expect(recognise({ argv })?.stack.id).toBe(f.stack);
        const first = stack.rebind(cmd, { host, port }).commands[0]!;
        expect(first.kind).toBe('same-command');
        expect(withoutAddressWords(first.argv, stack.addressOptions)).toEqual(
          withoutAddressWords(argv, stack.addressOptions),
        );
        // The new port is really there: in a word or in the environment.
        const said = [...first.argv, ...Object.values(first.env)].join(' ');
        expect(said).toMatch(new RegExp(`(^|[^\\d])${port}($|[^\\d])`));
        if (stack.addressOptions.length > 0 || f.stack === 'django' || f.stack === 'php')
          expect(said).toContain(
            host.includes(':') && ['django', 'php', 'gunicorn', 'puma', 'caddy'].includes(f.stack)
              ? `[${host}]`
              : host,
          );
      }),
      { numRuns: 200 },
    );
  },
);

test('the property covers every stack that is started by a command (not a config file or a renamed process)', () => {
  expect(new Set(editable.map((f) => f.stack))).toEqual(
    new Set(fixtures.map((f) => f.stack).filter((id) => !['nginx', 'apache'].includes(id))),
  );
});
