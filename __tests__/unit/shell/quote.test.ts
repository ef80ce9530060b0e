/**
 * Whatever a word holds, the command we show hands exactly that word to the program: shell-quote's POSIX
 * parser on thousands of random argument lists, and the real bash and dash on a sample of them.
 */
import fc from 'fast-check';
import { parse } from 'shell-quote';
import { runCommand } from '@/lib/exec';
import { cmdQuote, posixQuote, powershellQuote, UnquotableError } from '@/lib/shell/quote';
import {
  cmd,
  cmdCommand,
  env,
  join,
  posixCommand,
  posixScript,
  powershellCommand,
  powershellScript,
  raw,
} from '@/lib/shell/script';

/** Words people and servers produce, weighted towards the characters shells care about. */
const nasty = fc.constantFrom(
  ...'$()`\'"\\;&|<>{}[]*?~#!%^=,\n\r\t @:/.-_'.split(''),
  '$(touch /tmp/x)',
  '${IFS}',
  '`id`',
  "'\\''",
  '\u2018',
  '\u2019',
  '--%',
);
const word = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.array(fc.oneof(nasty, fc.string({ maxLength: 3 })), { maxLength: 8 }).map((parts) => parts.join('')),
  )
  .filter((w) => !w.includes('\0'));
const argv = fc.array(word, { minLength: 1, maxLength: 6 });

// shell-quote expands $VAR and reads a bare # as a comment; our output never leaves either outside quotes.
const parseSh = (line: string) => parse(line, (name) => `$${name}`);

test('POSIX: shell-quote parses every command back to exactly its argument list', () => {
  fc.assert(
    fc.property(argv, (words) => {
      expect(parseSh(posixCommand(words))).toEqual(words);
    }),
    { numRuns: 5000 },
  );
});

test('POSIX: operators stay operators and env prefixes stay assignments, whatever the words hold', () => {
  fc.assert(
    fc.property(argv, argv, word, (a, b, value) => {
      const line = posixScript([env('PORT', value), ...join('&&', cmd(...a), cmd(...b))]);
      expect(parseSh(line)).toEqual([`PORT=${value}`, ...a, { op: '&&' }, ...b]);
    }),
    { numRuns: 2000 },
  );
});

/** What a real shell hands to a program: each argument NUL-terminated by printf. */
async function realShellArgs(shell: string, line: string): Promise<string[]> {
  const r = await runCommand(shell, ['-c', `printf '%s\\0' ${line}`], { timeoutMs: 5000 });
  expect(r.code).toBe(0);
  return r.stdout.split('\0').slice(0, -1);
}

test.each(['bash', 'sh'])(
  'POSIX: %s itself reads a sample of commands as the intended arguments',
  async (shell) => {
    await fc.assert(
      fc.asyncProperty(argv, async (words) => {
        // printf stands in for the program: the words become its arguments exactly as a program's would.
        expect(await realShellArgs(shell, posixCommand(words))).toEqual(words);
      }),
      { numRuns: 150 },
    );
  },
  60_000,
);

test('POSIX: a URL carrying $(touch ${IFS}…) command substitution is one quoted word', () => {
  const url = 'http://localhost:7001/?$(touch${IFS}/tmp/PWNED)';
  expect(posixCommand(['curl', '-v', url])).toBe("curl -v 'http://localhost:7001/?$(touch${IFS}/tmp/PWNED)'");
  expect(posixQuote("it's")).toBe("'it'\\''s'");
  expect(posixQuote('--zone=my zone')).toBe("--zone='my zone'");
  expect(posixQuote('')).toBe("''");
});

test('POSIX: a bare NAME=value or keyword at the start of a command is quoted, so it runs as a program', () => {
  expect(posixCommand(['A=b', 'c'])).toBe("'A=b' c");
  expect(posixCommand(['if'])).toBe("'if'");
  expect(posixCommand(['x', 'A=b'])).toBe('x A=b');
});

test('NUL cannot be in an argument: every shell refuses it instead of showing another command', () => {
  expect(() => posixQuote('a\0b')).toThrow(UnquotableError);
  expect(() => powershellQuote('a\0b')).toThrow(UnquotableError);
  expect(() => cmdQuote('a\0b')).toThrow(UnquotableError);
});

describe('PowerShell (pwsh is not in Debian: the quoting rules on fixtures)', () => {
  test.each([
    ['plain', ['Get-NetTCPConnection', '-LocalPort', '3000'], 'Get-NetTCPConnection -LocalPort 3000'],
    ['subexpression', ['curl.exe', '-v', 'http://x/?$(calc)'], "curl.exe -v 'http://x/?$(calc)'"],
    ['statement separator', ['curl.exe', 'a;calc'], "curl.exe 'a;calc'"],
    ['quote doubled', ['echo', "it's"], "echo 'it''s'"],
    [
      'typographic quotes doubled too',
      ['echo', 'a\u2019;calc;\u2018'],
      "echo 'a\u2019\u2019;calc;\u2018\u2018'",
    ],
    ['backtick', ['echo', 'a`nb'], "echo 'a`nb'"],
    ['array comma', ['echo', 'a,b'], "echo 'a,b'"],
    ['splat', ['echo', '@x'], "echo '@x'"],
    ['stop-parsing token', ['echo', '--%'], "echo '--%'"],
    [
      'quoted program runs through the call operator',
      ['C:\\Program Files\\x.exe', 'y'],
      "& 'C:\\Program Files\\x.exe' y",
    ],
  ])('%s', (_name, words, shown) => {
    expect(powershellCommand(words)).toBe(shown);
  });

  test('every word outside the bare set is one single-quoted literal: no unescaped quote inside', () => {
    fc.assert(
      fc.property(word, (w) => {
        const q = powershellQuote(w);
        if (q === w) return expect(/^[A-Za-z0-9_%+=:./\\-]+$/.test(w)).toBe(true);
        const body = q.slice(1, -1);
        expect(q.startsWith("'") && q.endsWith("'")).toBe(true);
        // Inside, every quote character comes in pairs: the string cannot end early.
        expect(body.replace(/(['\u2018\u2019\u201A\u201B])\1/g, '')).not.toMatch(
          /['\u2018\u2019\u201A\u201B]/,
        );
        expect(body.replace(/(['\u2018\u2019\u201A\u201B])\1/g, '$1')).toBe(w);
      }),
      { numRuns: 3000 },
    );
  });

  test('a pipe to a script block we wrote stays code', () => {
    const line = powershellScript(
      join('|', cmd('Get-NetTCPConnection', '-LocalPort', '3000'), [
        ...cmd('Select-Object'),
        raw('processNameColumn'),
      ]),
    );
    expect(line).toMatch(/^Get-NetTCPConnection -LocalPort 3000 \| Select-Object LocalAddress,/);
  });
});

describe('cmd.exe', () => {
  test('words with spaces are double-quoted; option values keep their name bare', () => {
    expect(cmdCommand(['netsh', 'rule', 'name=Block dev server', 'dir=in'])).toBe(
      'netsh rule name="Block dev server" dir=in',
    );
    expect(cmdCommand(['type', 'C:\\a b\\'])).toBe('type "C:\\a b\\\\"');
    expect(cmdCommand(['echo', 'a&calc'])).toBe('echo "a&calc"');
  });

  test.each(['%PATH%', '!x!', 'a"&calc&"', 'a\nb', 'a\rb'])(
    'refuses %j: cmd has no safe quoting for it',
    (w) => {
      expect(() => cmdCommand(['echo', w])).toThrow(UnquotableError);
    },
  );

  test('what cmd does show keeps every metacharacter inside one pair of quotes', () => {
    fc.assert(
      fc.property(word, (w) => {
        let q: string;
        try {
          q = cmdQuote(w);
        } catch (e) {
          expect(e).toBeInstanceOf(UnquotableError);
          return expect(/["%!\r\n]/.test(w)).toBe(true);
        }
        const outside = q.replace(/"[^"]*"/g, '');
        expect(outside).toMatch(/^[A-Za-z0-9_+=:./\\-]*$/);
      }),
      { numRuns: 3000 },
    );
  });
});
